import { defineRule, describeResources, podMakersIn, formatSelector, isEmptySelector, policySelectors } from '../src/rule-api.js';

export default defineRule({
  id: 'dangling-networkpolicy-selector',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A NetworkPolicy podSelector (its own or a peer\'s) matches no Pod in its namespace',
  docs: {
    why: 'A NetworkPolicy applies to the Pods its spec.podSelector matches, and its ingress/egress peers allow traffic from and to the Pods their podSelector matches, in the policy\'s namespace. A selector that matches nothing protects nothing, or allows traffic from Pods that do not exist while the real clients stay blocked.',
    fix: 'Make the selector equal to labels of the intended workload\'s Pod template in the same namespace. Peers that select Pods in other namespaces (with a namespaceSelector) are not checked.',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-ingress}\nspec:\n  podSelector: {matchLabels: {app: db}}\n  policyTypes: [Ingress]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: postgres, labels: {app: postgres}}\nspec:\n  containers: [{name: postgres, image: postgres:16.4}]\n',
    good: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: db-ingress}\nspec:\n  podSelector: {matchLabels: {app: postgres}}\n  policyTypes: [Ingress]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: postgres, labels: {app: postgres}}\nspec:\n  containers: [{name: postgres, image: postgres:16.4}]\n',
  },
  messages: {
    noPod: 'NetworkPolicy "{{name}}" applies to Pods with {{selector}}, but no Pod in namespace "{{namespace}}" has these labels',
    noPeerPod: 'NetworkPolicy "{{name}}" allows traffic for Pods with {{selector}}, but no Pod in namespace "{{namespace}}" has these labels',
    noPodUnknownMakers: 'NetworkPolicy "{{name}}" applies to Pods with {{selector}}, but no Pod in namespace "{{namespace}}" has these labels; custom resources of kinds kubeknit does not know may make Pods there: {{makers}}',
    noPeerPodUnknownMakers: 'NetworkPolicy "{{name}}" allows traffic for Pods with {{selector}}, but no Pod in namespace "{{namespace}}" has these labels; custom resources of kinds kubeknit does not know may make Pods there: {{makers}}',
  },
  check({ objects, graph, settings, report }) {
    for (const policy of objects.ofKind('NetworkPolicy')) {
      for (const sel of policySelectors(policy, graph, objects)) {
        // An empty selector means "every Pod of the namespace"; other namespaces' Pods may be outside the input.
        if (sel.crossNamespace || sel.selector.malformed || isEmptySelector(sel.selector) || graph.podsMatching(policy.namespace as string, sel.selector).length > 0) continue;
        const makers = podMakersIn(objects, policy.namespace, settings.cluster);
        if (makers.declared) continue;
        const data = { name: policy.name, namespace: policy.namespace ?? '', selector: formatSelector(sel.selector) };
        const id = sel.peer ? 'noPeerPod' : 'noPod';
        if (makers.unknown.length) report(policy, sel.path, `${id}UnknownMakers`, { ...data, makers: describeResources(makers.unknown) }, { severity: 'warning' });
        else report(policy, sel.path, id, data);
      }
    }
  },
});
