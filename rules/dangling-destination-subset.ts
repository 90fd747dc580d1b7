import { defineRule, destinationRuleHost, destinationRuleSubsets, formatSelector, inputNamespaces, istioObjects, serviceOfHost, subsetPods, virtualServiceDestinations, type K8sObject } from '../src/rule-api.js';

export default defineRule({
  id: 'dangling-destination-subset',
  family: 'relationships',
  severity: 'warning',
  presets: ['recommended'],
  description: 'An Istio DestinationRule subset whose labels match none of its Service\'s Pods, or a VirtualService route to a subset no DestinationRule defines',
  messages: {
    noPods: 'DestinationRule "{{name}}" subset "{{subset}}" has labels {{labels}}, which none of the Pods behind Service "{{service}}" have',
    noSubset: 'VirtualService "{{name}}" routes to subset "{{subset}}" of "{{host}}", which no DestinationRule for that host defines{{known}}',
  },
  docs: {
    why: 'A subset is the Pods of the host Service that also carry the subset\'s labels. A subset whose labels match none of them has no endpoints, and a route to a subset that no DestinationRule defines is rejected by Envoy: either way requests to it get 503.',
    fix: 'Make the subset labels match the Pod template labels of a version (e.g. `version: v2`), and route only to subset names a DestinationRule for the same host defines.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews-v1}\nspec:\n  selector: {matchLabels: {app: reviews, version: v1}}\n  template:\n    metadata: {labels: {app: reviews, version: v1}}\n    spec: {containers: [{name: reviews, image: "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2"}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec:\n  selector: {app: reviews}\n  ports: [{name: http, port: 9080}]\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews}\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels: {version: v1.0}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews-v1}\nspec:\n  selector: {matchLabels: {app: reviews, version: v1}}\n  template:\n    metadata: {labels: {app: reviews, version: v1}}\n    spec: {containers: [{name: reviews, image: "docker.io/istio/examples-bookinfo-reviews-v1:1.20.2"}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec:\n  selector: {app: reviews}\n  ports: [{name: http, port: 9080}]\n---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: reviews}\nspec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels: {version: v1}\n',
  },
  check({ objects, graph, report }) {
    const namespaces = inputNamespaces(objects);
    const hostKey = (host: string, ns: string) => {
      const svc = serviceOfHost(host, ns, namespaces);
      return svc ? `${svc.namespace}/${svc.name}` : host;
    };
    const subsetsByHost = new Map<string, Set<string>>();
    for (const dr of istioObjects(objects, 'DestinationRule')) {
      const host = destinationRuleHost(dr);
      if (host === undefined || dr.namespace === null) continue;
      const key = hostKey(host, dr.namespace);
      const known = subsetsByHost.get(key) ?? new Set<string>();
      subsetsByHost.set(key, known);
      const svc = serviceOfHost(host, dr.namespace, namespaces);
      const service: K8sObject | undefined = svc && objects.find('Service', svc.namespace, svc.name);
      for (const subset of destinationRuleSubsets(dr)) {
        known.add(subset.name);
        // Judge only a Service with Pods in the input: a subset of nothing is the Service's problem.
        if (!service || !subsetPods(graph, service, { matchLabels: {}, matchExpressions: [] }).length) continue;
        if (subsetPods(graph, service, subset.selector).length) continue;
        report(dr, `${subset.path}.labels`, 'noPods', { name: dr.name, subset: subset.name, labels: formatSelector(subset.selector), service: service.name });
      }
    }
    for (const vs of istioObjects(objects, 'VirtualService')) {
      if (vs.namespace === null) continue;
      for (const d of virtualServiceDestinations(vs)) {
        if (d.subset === undefined || d.subsetPath === undefined) continue;
        const known = subsetsByHost.get(hostKey(d.host, vs.namespace));
        // No DestinationRule for the host in the input at all: it may be deployed with the mesh config.
        if (!known || known.has(d.subset)) continue;
        report(vs, d.subsetPath, 'noSubset', { name: vs.name, subset: d.subset, host: d.host, known: known.size ? ` (its subsets: ${[...known].sort().join(', ')})` : '' });
      }
    }
  },
});
