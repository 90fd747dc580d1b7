import { defineRule, describeResources, podMakersIn, formatSelector, isPlainObject, selectorFromLabelSelector } from '../src/rule-api.js';

export default defineRule({
  id: 'dangling-pdb-selector',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A PodDisruptionBudget whose selector matches no Pod in its namespace',
  docs: {
    why: 'A PodDisruptionBudget protects only the Pods its selector matches in its namespace. With no match (or no selector, which in policy/v1 selects nothing) node drains and upgrades evict the workload it was written for without limit.',
    fix: 'Make spec.selector equal to labels of the workload\'s Pod template, in the same namespace.',
    bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: api-server}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api, labels: {app: api}}\nspec:\n  containers: [{name: api, image: registry.example.com/api:3.0.1}]\n',
    good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api}\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: api}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: api, labels: {app: api}}\nspec:\n  containers: [{name: api, image: registry.example.com/api:3.0.1}]\n',
  },
  messages: {
    noSelector: 'PodDisruptionBudget "{{name}}" has no selector, so it protects no Pod',
    noPod: 'PodDisruptionBudget "{{name}}" selects no Pod in namespace "{{namespace}}": no Pod template has the labels {{selector}}',
    noPodUnknownMakers: 'PodDisruptionBudget "{{name}}" selects no Pod in namespace "{{namespace}}": no Pod template has the labels {{selector}}; custom resources of kinds kubeknit does not know may make Pods there: {{makers}}',
  },
  check({ objects, graph, settings, report }) {
    for (const pdb of objects.ofKind('PodDisruptionBudget')) {
      const spec = pdb.body.spec;
      if (!isPlainObject(spec)) continue;
      const selector = selectorFromLabelSelector(spec.selector);
      if (!selector) {
        report(pdb, 'spec', 'noSelector', { name: pdb.name });
        continue;
      }
      if (selector.malformed || graph.targets(pdb, 'selects').length > 0) continue;
      const makers = podMakersIn(objects, pdb.namespace, settings.cluster);
      if (makers.declared) continue;
      const data = { name: pdb.name, namespace: pdb.namespace ?? '', selector: formatSelector(selector) };
      if (makers.unknown.length) report(pdb, 'spec.selector', 'noPodUnknownMakers', { ...data, makers: describeResources(makers.unknown) }, { severity: 'warning' });
      else report(pdb, 'spec.selector', 'noPod', data);
    }
  },
});
