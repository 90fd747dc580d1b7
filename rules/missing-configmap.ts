import { ROOT_CA_CONFIGMAP, ASSUME_EXISTING_SCHEMA, defineRule, MISSING_REFERENCE_MESSAGES, reportMissingPodReferences, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'missing-configmap',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template mounts or reads a ConfigMap that is not in the input',
  docs: {
    why: 'A Pod whose configMap volume, envFrom or configMapKeyRef names a ConfigMap that does not exist stays in ContainerCreating (volumes) or CreateContainerConfigError (env) until the ConfigMap appears.',
    fix: 'Add the ConfigMap to the manifests, correct the name, or mark the reference `optional: true` when the Pod can run without it. ConfigMaps made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    envFrom: [{configMapRef: {name: app-confg}}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {LOG_LEVEL: info}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    envFrom: [{configMapRef: {name: app-config}}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {LOG_LEVEL: info}\n',
  },
  messages: MISSING_REFERENCE_MESSAGES,
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check(ctx) {
    // Kubernetes publishes kube-root-ca.crt in every namespace.
    reportMissingPodReferences(ctx, 'ConfigMap', (ref) => ref.name === ROOT_CA_CONFIGMAP);
  },
});
