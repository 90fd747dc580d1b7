import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, scaleTargetOf, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-hpa-target',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A HorizontalPodAutoscaler scales an object that is not in its namespace',
  docs: {
    why: 'A HorizontalPodAutoscaler scales the object its scaleTargetRef names, in its own namespace. When that object does not exist the HPA reports FailedGetScale and nothing is autoscaled, while the workload it was meant for runs with a fixed replica count.',
    fix: 'Correct spec.scaleTargetRef (kind and name) to the workload in the HPA\'s namespace. Targets made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api-server}\n  minReplicas: 2\n  maxReplicas: 10\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: registry.example.com/api:3.0.1}]\n',
    good: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  minReplicas: 2\n  maxReplicas: 10\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: registry.example.com/api:3.0.1}]\n',
  },
  messages: {
    targetMissing: 'HorizontalPodAutoscaler "{{name}}" scales {{targetKind}} "{{target}}", which is not in namespace "{{namespace}}" of the input',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, graph, options, settings, report }) {
    for (const hpa of objects.ofKind('HorizontalPodAutoscaler')) {
      const target = scaleTargetOf(hpa);
      if (!target) continue;
      const missing = graph.targets(hpa, 'scales').some((node) => node.missing);
      if (!missing || existsOutside({ options, settings }, target.kind, hpa.namespace, target.name)) continue;
      report(hpa, 'spec.scaleTargetRef.name', 'targetMissing', { name: hpa.name, targetKind: target.kind, target: target.name, namespace: hpa.namespace ?? '' });
    }
  },
});
