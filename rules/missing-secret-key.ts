import { defineRule, MISSING_KEY_MESSAGES, reportMissingKeys } from '../src/rule-api.js';

export default defineRule({
  id: 'missing-secret-key',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template reads a key that its Secret (in the input) does not have',
  docs: {
    why: 'A secretKeyRef whose key is not in the Secret keeps the container in CreateContainerConfigError; a volume item naming a missing key keeps the Pod in ContainerCreating. References marked `optional: true` are not reported.',
    fix: 'Add the key to the Secret\'s data or stringData, or correct the key in the Pod template.',
    bad: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {username: app}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom: {secretKeyRef: {name: db, key: password}}\n',
    good: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {username: app, password: change-me}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom: {secretKeyRef: {name: db, key: password}}\n',
  },
  messages: MISSING_KEY_MESSAGES,
  check(ctx) {
    reportMissingKeys(ctx, 'Secret');
  },
});
