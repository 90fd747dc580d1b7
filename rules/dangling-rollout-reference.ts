import { argoRolloutsObjects, ASSUME_EXISTING_SCHEMA, assumedToExist, defineRule, rolloutRefs, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-rollout-reference',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'An Argo Rollout (or Experiment) names a canary, stable, active or preview Service, a workloadRef or an analysis template that is not in the input',
  messages: {
    missing: '{{kind}} "{{name}}" names {{targetKind}} "{{target}}"{{where}}, which is not in the input',
  },
  docs: {
    why: 'The Rollout controller edits the selectors of the Services its strategy names and reads the Pod template of its workloadRef. When one is missing the Rollout goes Degraded and does not progress; an analysis step whose AnalysisTemplate (or ClusterAnalysisTemplate, with `clusterScope: true`) is missing fails the rollout.',
    fix: 'Correct the name, add the missing Service or template, or set `clusterScope: true` for a ClusterAnalysisTemplate. Objects made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web-stable}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n  strategy:\n    canary:\n      stableService: web-stable\n      canaryService: web-canary\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web-stable}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web-canary}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "nginx:1.27"}]}\n  strategy:\n    canary:\n      stableService: web-stable\n      canaryService: web-canary\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, report }) {
    for (const obj of argoRolloutsObjects(objects)) {
      for (const ref of rolloutRefs(obj)) {
        if (objects.find(ref.kind, ref.namespace, ref.name) || assumedToExist(options.assumeExisting, ref.namespace, ref.name)) continue;
        report(obj, ref.path, 'missing', { kind: obj.kind, name: obj.name, targetKind: ref.kind, target: ref.name, where: ref.namespace === null ? '' : ` in namespace "${ref.namespace}"` });
      }
    }
  },
});
