import { defineRule, isPlainObject, protocolOf } from '../src/rule-api.js';

export default defineRule({
  id: 'duplicate-service-port',
  family: 'ports',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A Service lists one port/protocol twice, repeats a port name, or leaves ports unnamed when it has several',
  docs: {
    why: 'The API server rejects a Service whose ports repeat a port and protocol or a name, and one with more than one port where a port has no name (names tell EndpointSlices and Ingresses which port is which). The whole Service is refused, so nothing can reach the workload.',
    fix: 'Remove the repeated entry, give each port its own name, or use another port number. A single-port Service may leave the name out.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {port: 80, targetPort: 8080}\n  - {port: 443, targetPort: 8443}\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n  - {name: https, port: 443, targetPort: 8443}\n',
  },
  check({ objects, report }) {
    for (const svc of objects.ofKind('Service')) {
      const spec = svc.body.spec;
      if (!isPlainObject(spec) || !Array.isArray(spec.ports)) continue;
      const ports = spec.ports;
      const byPort = new Map<string, number>();
      const byName = new Map<string, number>();
      ports.forEach((port, i) => {
        if (!isPlainObject(port)) return;
        if (typeof port.port === 'number') {
          const key = `${port.port}/${protocolOf(port)}`;
          const first = byPort.get(key);
          if (first === undefined) byPort.set(key, i);
          else report(svc, `spec.ports[${i}].port`, `port ${key} is already listed at spec.ports[${first}]; a Service may list each port and protocol once`);
        }
        if (typeof port.name === 'string' && port.name !== '') {
          const first = byName.get(port.name);
          if (first === undefined) byName.set(port.name, i);
          else report(svc, `spec.ports[${i}].name`, `port name "${port.name}" is already used by spec.ports[${first}]; port names must be unique`);
        } else if (ports.length > 1) {
          const label = typeof port.port === 'number' ? `port ${port.port}` : `spec.ports[${i}]`;
          report(svc, `spec.ports[${i}]`, `${label} has no name, but the Service has ${ports.length} ports; each must then be named`);
        }
      });
    }
  },
});
