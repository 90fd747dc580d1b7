import { REPLICATED_KINDS, autoscalersByTarget, defineRule, lowestReplicas, pdbSelector, replicasPath, selectorsByOwner } from '../src/rule-api.js';

interface Options {
  /** Workloads with at least this many replicas need a PodDisruptionBudget. */
  minReplicas: number;
}

export default defineRule<Options>({
  id: 'missing-pdb',
  family: 'availability',
  severity: 'warning',
  presets: ['strict'],
  description: 'A multi-replica workload whose Pods no PodDisruptionBudget selects',
  docs: {
    why: 'Without a PodDisruptionBudget, a node drain or cluster upgrade may evict all replicas at once, and the service goes down even though it runs several Pods.',
    fix: 'Add a PodDisruptionBudget in the same namespace whose selector matches the Pod template labels, with maxUnavailable: 1 (or a minAvailable below the replica count).',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n',
  },
  messages: {
    noBudget: '{{kind}} "{{name}}" runs {{replicas}} replicas but no PodDisruptionBudget in namespace "{{namespace}}" selects its Pods, so a drain may evict them all at once',
  },
  options: {
    type: 'object',
    properties: { minReplicas: { type: 'integer', minimum: 1, description: 'Fewest replicas from which a PodDisruptionBudget is expected' } },
    additionalProperties: false,
  },
  defaultOptions: { minReplicas: 2 },
  check({ objects, graph, report, options }) {
    const autoscalers = autoscalersByTarget(objects);
    const budgets = selectorsByOwner(graph, objects.ofKind('PodDisruptionBudget'), pdbSelector);
    for (const obj of objects.ofKind(...REPLICATED_KINDS)) {
      if (budgets.has(obj)) continue;
      const replicas = lowestReplicas(obj, autoscalers);
      if (replicas < options.minReplicas) continue;
      report(obj, replicasPath(obj), 'noBudget', { kind: obj.kind, name: obj.name, replicas, namespace: obj.namespace ?? '' });
    }
  },
});
