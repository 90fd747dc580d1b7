import { defineRule, MISSING_KEY_MESSAGES, reportMissingKeys } from '../src/rule-api.js';

export default defineRule({
  id: 'missing-configmap-key',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template reads a key that its ConfigMap (in the input) does not have',
  docs: {
    why: 'A configMapKeyRef whose key is not in the ConfigMap keeps the container in CreateContainerConfigError; a volume item naming a missing key keeps the Pod in ContainerCreating. References marked `optional: true` are not reported.',
    fix: 'Add the key to the ConfigMap\'s data or binaryData, or correct the key in the Pod template.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {loglevel: info}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: LOG_LEVEL\n      valueFrom: {configMapKeyRef: {name: app-config, key: log-level}}\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {log-level: info}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: LOG_LEVEL\n      valueFrom: {configMapKeyRef: {name: app-config, key: log-level}}\n',
  },
  messages: MISSING_KEY_MESSAGES,
  check(ctx) {
    reportMissingKeys(ctx, 'ConfigMap');
  },
});
