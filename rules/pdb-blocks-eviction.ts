import { autoscalersByTarget, defineRule, isPlainObject, lowestReplicas, ownersSelected, pdbSelector } from '../src/rule-api.js';

export default defineRule({
  id: 'pdb-blocks-eviction',
  family: 'availability',
  severity: 'warning',
  presets: ['strict'],
  description: 'A PodDisruptionBudget that allows no voluntary eviction (maxUnavailable 0, or minAvailable ≥ the Pods it selects)',
  docs: {
    why: 'A budget that can never be met blocks every eviction of its Pods: node drains hang, cluster upgrades and autoscaler scale-downs stall until someone deletes the budget by hand.',
    fix: 'Allow at least one Pod to be disrupted: maxUnavailable: 1, or a minAvailable below the number of replicas (and run enough replicas to keep serving meanwhile).',
    bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  minAvailable: 2\n  selector: {matchLabels: {app: web}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  messages: {
    maxUnavailableZero: 'PodDisruptionBudget "{{name}}" sets maxUnavailable: {{maxUnavailable}}, so no selected Pod may ever be evicted',
    minAvailableAll: 'PodDisruptionBudget "{{name}}" sets minAvailable: 100%, so no selected Pod may ever be evicted',
    minAvailableTooHigh: 'PodDisruptionBudget "{{name}}" requires minAvailable: {{minAvailable}}, but the Pods it selects ({{owners}}) can number only {{pods}}, so none may be evicted',
  },
  check({ objects, graph, report }) {
    const autoscalers = autoscalersByTarget(objects);
    for (const pdb of objects.ofKind('PodDisruptionBudget')) {
      const spec = pdb.body.spec;
      if (!isPlainObject(spec) || pdb.namespace === null) continue;
      if (spec.maxUnavailable === 0 || spec.maxUnavailable === '0%' || spec.maxUnavailable === '0') {
        report(pdb, 'spec.maxUnavailable', 'maxUnavailableZero', { name: pdb.name, maxUnavailable: String(spec.maxUnavailable) });
        continue;
      }
      if (spec.minAvailable === '100%') {
        report(pdb, 'spec.minAvailable', 'minAvailableAll', { name: pdb.name });
        continue;
      }
      if (typeof spec.minAvailable !== 'number') continue;
      const selector = pdbSelector(pdb);
      if (!selector) continue;
      const owners = ownersSelected(graph, pdb.namespace, selector);
      if (owners.length === 0) continue;
      // The budget counts every Pod it selects, across workloads; with an autoscaler, the fewest it keeps.
      const pods = owners.reduce((sum, owner) => sum + lowestReplicas(owner, autoscalers), 0);
      if (!Number.isFinite(pods) || spec.minAvailable < pods) continue;
      const names = owners.map((o) => `${o.kind} "${o.name}"`).join(', ');
      report(pdb, 'spec.minAvailable', 'minAvailableTooHigh', { name: pdb.name, minAvailable: spec.minAvailable, owners: names, pods });
    }
  },
});
