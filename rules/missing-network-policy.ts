import { defineRule, networkPolicySelector, podTemplatesByOwner, selectorsByOwner } from '../src/rule-api.js';

export default defineRule({
  id: 'missing-network-policy',
  family: 'security',
  severity: 'warning',
  presets: ['strict'],
  description: 'Pods that no NetworkPolicy in their namespace selects',
  docs: {
    why: 'A Pod no NetworkPolicy selects accepts connections from, and opens them to, every Pod in the cluster. One compromised Pod can then reach it directly.',
    fix: 'Add a NetworkPolicy whose podSelector matches the Pods (a default-deny policy with podSelector: {} covers the whole namespace), then allow the traffic they need.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx:1.27.3}]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec:\n  containers: [{name: web, image: nginx:1.27.3}]\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: default-deny, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
  },
  messages: {
    notSelected: '{{kind}} "{{name}}" runs Pods open to all traffic: no NetworkPolicy in namespace "{{namespace}}" selects its Pod labels',
    noPolicyInNamespace: '{{kind}} "{{name}}" runs Pods open to all traffic: namespace "{{namespace}}" has no NetworkPolicy',
  },
  check({ objects, graph, report }) {
    const policies = objects.ofKind('NetworkPolicy');
    const selected = selectorsByOwner(graph, policies, networkPolicySelector);
    const policyNamespaces = new Set(policies.map((p) => p.namespace));
    for (const template of podTemplatesByOwner(graph)) {
      const owner = template.owner;
      if (selected.has(owner)) continue;
      const messageId = policyNamespaces.has(owner.namespace) ? 'notSelected' : 'noPolicyInNamespace';
      report(owner, `${template.metadataPath}.labels`, messageId, { kind: owner.kind, name: owner.name, namespace: owner.namespace ?? '' });
    }
  },
});

