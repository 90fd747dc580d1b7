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
  messages: {
    overlap: 'the selectors of {{kind}} "{{name}}" and {{otherKind}} "{{otherName}}" overlap in namespace "{{namespace}}": {{selectorKind}} "{{selectorName}}" selects {{selector}}, which matches the Pods of {{podsKind}} "{{podsName}}"',
  },
  check({ objects, graph, report }) {
    const order = new Map<K8sObject, number>(objects.all.map((obj, i) => [obj, i]));
    const reported = new Set<string>();
    for (const obj of objects) {
      const own = controllerSelector(obj);
      // a malformed selector's object never gets created (schema-violation reports it)
      if (!own || own.selector.malformed || obj.namespace === null) continue;
      for (const pod of graph.podsMatching(obj.namespace, own.selector)) {
        const other = pod.owner;
        // The same id twice is a duplicate object (duplicate-object), not two workloads.
        const otherOwn = controllerSelector(other);
        if (other === obj || other.id === obj.id || !otherOwn || otherOwn.selector.malformed) continue;
        // an Argo Rollout with spec.workloadRef runs that Deployment's template: one workload
        if (runsTemplateOf(obj, other) || runsTemplateOf(other, obj)) continue;
        // One finding per pair, on the controller that comes later in the input.
        const [first, second] = (order.get(other) ?? 0) < (order.get(obj) ?? 0) ? [other, obj] : [obj, other];
        const pair = `${first.id}|${second.id}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        const secondSelector = controllerSelector(second);
        const data = {
          kind: second.kind, name: second.name, otherKind: first.kind, otherName: first.name, namespace: obj.namespace,
          selectorKind: obj.kind, selectorName: obj.name, selector: formatSelector(own.selector), podsKind: other.kind, podsName: other.name,
        };
        report(second, secondSelector?.path ?? 'spec.selector', 'overlap', data, {
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
