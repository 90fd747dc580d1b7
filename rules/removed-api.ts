import { apiMigrationFix, defineRule, schemaRegistryFor } from '../src/rule-api.js';

export default defineRule({
  id: 'removed-api',
  family: 'schema',
  severity: 'error',
  locality: 'object-and-crds',
  presets: ['recommended'],
  fixable: 'problem',
  description: 'An apiVersion/kind the target Kubernetes version no longer serves',
  docs: {
    why: 'The API server of that version answers "no matches for kind" and kubectl apply fails; after a cluster upgrade the manifests stop deploying.',
    fix: 'Move the object to the replacement apiVersion named in the message (check the fields that changed between versions), or remove it when the feature is gone. Use --kube-version to check against the version your cluster runs.',
    bad: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: web}}\n',
    good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: web}}\n',
  },
  messages: {
    removed: '{{apiVersion}} {{kind}} is not served by Kubernetes {{version}}: it was removed in {{removedIn}}; use apiVersion {{replacement}}',
    removedForSuccessor: '{{apiVersion}} {{kind}} is not served by Kubernetes {{version}}: it was removed in {{removedIn}}; there is no replacement kind, use {{successor}}',
    removedForGood: '{{apiVersion}} {{kind}} is not served by Kubernetes {{version}}: it was removed in {{removedIn}}; it has no replacement',
  },
  check({ objects, settings, report }) {
    const registry = schemaRegistryFor(objects, settings);
    for (const obj of objects) {
      const lookup = registry.lookup(obj);
      if (lookup.status !== 'removed') continue;
      const data = { apiVersion: obj.apiVersion, kind: obj.kind, version: registry.kubernetesVersion, removedIn: lookup.removedIn };
      if (lookup.replacement) report(obj, 'apiVersion', 'removed', { ...data, replacement: lookup.replacement }, { fix: apiMigrationFix(obj, lookup.replacement) });
      else if (lookup.successor) report(obj, 'apiVersion', 'removedForSuccessor', { ...data, successor: lookup.successor });
      else report(obj, 'apiVersion', 'removedForGood', data);
    }
  },
});
