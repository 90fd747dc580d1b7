import { ASSUME_EXISTING_SCHEMA, assumedToExist, defineRule, describeServicePorts, gatewayRoutes, routeBackendRefs, servicePorts, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-route-backend',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Gateway API route (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) sends traffic to a Service that is not in the input, or to a port that Service does not have',
  messages: {
    noService: '{{kind}} "{{route}}" sends traffic to Service "{{service}}", which is not in namespace "{{namespace}}" of the input',
    noPort: '{{kind}} "{{route}}" sends traffic to port {{port}} of Service "{{service}}", which has no such port (its ports: {{ports}})',
  },
  docs: {
    why: 'A backendRef whose Service does not exist, or whose port is not one of the Service\'s ports, makes the route\'s ResolvedRefs condition false: the Gateway answers 500 for the share of requests weighted to that backend.',
    fix: 'Correct the backendRef\'s name, namespace and port to a Service of the input and one of its `spec.ports[].port` numbers. Services made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  rules:\n  - backendRefs:\n    - {name: web, port: 8080}\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web}\nspec:\n  rules:\n  - backendRefs:\n    - {name: web, port: 80}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, report }) {
    for (const route of gatewayRoutes(objects)) {
      for (const ref of routeBackendRefs(route)) {
        if (ref.group !== '' || ref.kind !== 'Service') continue;
        const svc = objects.find('Service', ref.namespace, ref.name);
        const data = { kind: route.kind, route: route.name, service: ref.name, namespace: ref.namespace };
        if (!svc) {
          if (!assumedToExist(options.assumeExisting, ref.namespace, ref.name)) report(route, ref.namePath, 'noService', data);
          continue;
        }
        const ports = servicePorts(svc);
        if (ref.port === undefined || ports === undefined || ports.some((p) => p.port === ref.port)) continue;
        report(route, `${ref.path}.port`, 'noPort', { ...data, port: ref.port, ports: describeServicePorts(ports) }, {
          related: [{ object: svc, path: 'spec.ports', message: `Service "${svc.name}" ports` }],
        });
      }
    }
  },
});
