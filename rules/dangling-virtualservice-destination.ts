import { ASSUME_EXISTING_SCHEMA, assumedToExist, defineRule, inputNamespaces, istioObjects, serviceEntryHosts, serviceOfHost, virtualServiceDestinations, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-virtualservice-destination',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'An Istio VirtualService routes to a cluster Service (short name, name.namespace or name.namespace.svc…) that is not in the input',
  messages: {
    noService: 'VirtualService "{{name}}" routes to "{{host}}", which names Service "{{service}}" in namespace "{{namespace}}", and the input has no such Service',
  },
  docs: {
    why: 'A destination host that is a short name resolves in the VirtualService\'s own namespace (not the Service\'s, not the client\'s). When the Service it names does not exist, Envoy has no cluster for the route and answers 503 (no healthy upstream). Hosts that are not cluster names (external names, ServiceEntry hosts) are not checked.',
    fix: 'Correct the host, or write it fully (`reviews.bookinfo.svc.cluster.local`) when the Service is in another namespace. Services made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec:\n  selector: {app: reviews}\n  ports: [{name: http, port: 9080}]\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews}\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: review}\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: reviews}\nspec:\n  selector: {app: reviews}\n  ports: [{name: http, port: 9080}]\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews}\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, report }) {
    const namespaces = inputNamespaces(objects);
    const entries = serviceEntryHosts(objects);
    for (const vs of istioObjects(objects, 'VirtualService')) {
      if (vs.namespace === null) continue;
      for (const d of virtualServiceDestinations(vs)) {
        const svc = serviceOfHost(d.host, vs.namespace, namespaces);
        if (!svc || entries.has(d.host) || objects.find('Service', svc.namespace, svc.name) || assumedToExist(options.assumeExisting, svc.namespace, svc.name)) continue;
        report(vs, d.path, 'noService', { name: vs.name, host: d.host, service: svc.name, namespace: svc.namespace });
      }
    }
  },
});
