import { controllerSelector, defineRule, formatSelector, isPlainObject, type K8sObject } from '../src/rule-api.js';

export default defineRule({
  id: 'overlapping-workload-selectors',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'Two controllers in one namespace whose selectors match each other\'s Pods',
  docs: {
    why: 'Controllers find their Pods by label selector. When one controller\'s selector also matches another\'s Pods, they count, adopt or delete each other\'s Pods: replica counts flap, rollouts stall, and a scale-down can kill the wrong application.',
    fix: 'Give each workload a label no other workload in the namespace uses (for example app.kubernetes.io/name and app.kubernetes.io/instance) and select on it.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {tier: front}}\n  template:\n    metadata: {labels: {tier: front, app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  selector: {matchLabels: {tier: front}}\n  template:\n    metadata: {labels: {tier: front, app: shop}}\n    spec:\n      containers: [{name: shop, image: registry.example.com/shop:2.3.0}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {tier: front, app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  selector: {matchLabels: {app: shop}}\n  template:\n    metadata: {labels: {tier: front, app: shop}}\n    spec:\n      containers: [{name: shop, image: registry.example.com/shop:2.3.0}]\n',
  },
  check({ objects, graph, report }) {
    const order = new Map<K8sObject, number>(objects.all.map((obj, i) => [obj, i]));
    const reported = new Set<string>();
    for (const obj of objects) {
      const own = controllerSelector(obj);
      if (!own || obj.namespace === null) continue;
      for (const pod of graph.podsMatching(obj.namespace, own.selector)) {
        const other = pod.owner;
        // The same id twice is a duplicate object (duplicate-object), not two workloads.
        if (other === obj || other.id === obj.id || !controllerSelector(other)) continue;
        // an Argo Rollout with spec.workloadRef runs that Deployment's template: one workload
        if (runsTemplateOf(obj, other) || runsTemplateOf(other, obj)) continue;
        // One finding per pair, on the controller that comes later in the input.
        const [first, second] = (order.get(other) ?? 0) < (order.get(obj) ?? 0) ? [other, obj] : [obj, other];
        const pair = `${first.id}|${second.id}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        const secondSelector = controllerSelector(second);
        report(second, secondSelector?.path ?? 'spec.selector', `the selectors of ${second.kind} "${second.name}" and ${first.kind} "${first.name}" overlap in namespace "${obj.namespace}": ${obj.kind} "${obj.name}" selects ${formatSelector(own.selector)}, which matches the Pods of ${other.kind} "${other.name}"`, undefined, {
          related: [{ object: first, path: controllerSelector(first)?.path ?? 'spec.selector', message: `${first.kind} "${first.name}" is here` }],
        });
      }
    }
  },
});

function runsTemplateOf(rollout: K8sObject, workload: K8sObject): boolean {
  const spec = rollout.body.spec;
  if (rollout.kind !== 'Rollout' || !isPlainObject(spec) || !isPlainObject(spec.workloadRef)) return false;
  return spec.workloadRef.kind === workload.kind && spec.workloadRef.name === workload.name && rollout.namespace === workload.namespace;
}
