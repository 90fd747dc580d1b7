import { autoscalersByTarget, declaredReplicas, defineRule, replicasPath, replicasUnreadable } from '../src/rule-api.js';

interface Options {
  /** The fewest replicas a workload should run. */
  minReplicas: number;
}

export default defineRule<Options>({
  id: 'single-replica',
  family: 'availability',
  severity: 'warning',
  presets: ['strict'],
  description: 'A Deployment, StatefulSet or OpenShift DeploymentConfig that runs a single replica',
  docs: {
    why: 'With one Pod, every node drain, eviction, rollout or crash takes the service down until a new Pod is scheduled and ready.',
    fix: 'Run at least two replicas (spec.replicas), or let a HorizontalPodAutoscaler with minReplicas ≥ 2 manage them.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  messages: {
    noReplicas: '{{kind}} "{{name}}" sets no spec.replicas, so it runs 1 replica; fewer than {{minReplicas}} means a disruption takes it down',
    oneReplica: '{{kind}} "{{name}}" runs 1 replica; fewer than {{minReplicas}} means a disruption takes it down',
    fewReplicas: '{{kind}} "{{name}}" runs {{replicas}} replicas; fewer than {{minReplicas}} means a disruption takes it down',
  },
  options: {
    type: 'object',
    properties: { minReplicas: { type: 'integer', minimum: 2, description: 'Fewest replicas accepted (kube-linter uses 3)' } },
    additionalProperties: false,
  },
  defaultOptions: { minReplicas: 2 },
  check({ objects, report, options }) {
    const autoscalers = autoscalersByTarget(objects);
    for (const obj of objects.ofKind('Deployment', 'StatefulSet', 'DeploymentConfig')) {
      // An autoscaler owns the count; a workload scaled to 0 on purpose runs nothing.
      if (autoscalers.has(obj.id) || replicasUnreadable(obj)) continue;
      const declared = declaredReplicas(obj);
      const replicas = declared ?? 1;
      if (replicas === 0 || replicas >= options.minReplicas) continue;
      const messageId = declared === undefined ? 'noReplicas' : replicas === 1 ? 'oneReplica' : 'fewReplicas';
      report(obj, replicasPath(obj), messageId, { kind: obj.kind, name: obj.name, replicas, minReplicas: options.minReplicas });
    }
  },
});
