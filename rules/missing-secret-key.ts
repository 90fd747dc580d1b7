import { defineRule, reportMissingKeys } from '../src/rule-api.js';

export default defineRule({
  id: 'missing-secret-key',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template reads a key that its Secret (in the input) does not have',
  docs: {
    why: 'A secretKeyRef whose key is not in the Secret keeps the container in CreateContainerConfigError; a volume item naming a missing key keeps the Pod in ContainerCreating. References marked `optional: true` are not reported.',
    fix: 'Add the key to the Secret\'s data or stringData, or correct the key in the Pod template.',
    bad: 'kind: Secret\nmetadata: {name: db}\ndata: {other: x}\n---\nkind: Pod\nspec:\n  containers:\n  - name: app\n    env:\n    - name: VALUE\n      valueFrom: {secretKeyRef: {name: db, key: password}}\n',
    good: 'kind: Secret\nmetadata: {name: db}\ndata: {password: x}\n---\nkind: Pod\nspec:\n  containers:\n  - name: app\n    env:\n    - name: VALUE\n      valueFrom: {secretKeyRef: {name: db, key: password}}\n',
  },
  check(ctx) {
    reportMissingKeys(ctx, 'Secret');
  },
});
