import { DEFAULT_SERVICE_ACCOUNT, ASSUME_EXISTING_SCHEMA, defineRule, MISSING_REFERENCE_MESSAGES, reportMissingPodReferences, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'missing-service-account',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template runs as a ServiceAccount (other than "default") that is not in the input',
  docs: {
    why: 'The API server refuses to create Pods whose serviceAccountName does not exist in their namespace, so the controller keeps failing and the workload never starts. Every namespace has a "default" ServiceAccount, so that one is never reported.',
    fix: 'Add the ServiceAccount to the manifests, or correct serviceAccountName. ServiceAccounts made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  serviceAccountName: api\n  containers: [{name: api, image: registry.example.com/api:3.0.1}]\n',
    good: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  serviceAccountName: api\n  containers: [{name: api, image: registry.example.com/api:3.0.1}]\n',
  },
  messages: MISSING_REFERENCE_MESSAGES,
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check(ctx) {
    reportMissingPodReferences(ctx, 'ServiceAccount', (ref) => ref.name === DEFAULT_SERVICE_ACCOUNT);
  },
});
