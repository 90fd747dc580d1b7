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
  messages: {
    samePort: 'port {{port}}/{{protocol}} is already listed at spec.ports[{{first}}]; a Service may list each port and protocol once',
    sameName: 'port name "{{name}}" is already used by spec.ports[{{first}}]; port names must be unique',
    unnamedPort: 'port {{port}} has no name, but the Service has {{count}} ports; each must then be named',
    unnamedEntry: 'spec.ports[{{index}}] has no name, but the Service has {{count}} ports; each must then be named',
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
        // A float, NaN or infinity is no port number (schema-violation reports it).
        const number = Number.isInteger(port.port) ? (port.port as number) : undefined;
        if (number !== undefined) {
          const protocol = protocolOf(port);
          const key = `${number}/${protocol}`;
          const first = byPort.get(key);
          if (first === undefined) byPort.set(key, i);
          else report(svc, `spec.ports[${i}].port`, 'samePort', { port: number, protocol, first });
        }
        if (typeof port.name === 'string' && port.name !== '') {
          const first = byName.get(port.name);
          if (first === undefined) byName.set(port.name, i);
          else report(svc, `spec.ports[${i}].name`, 'sameName', { name: port.name, first });
        } else if (ports.length > 1) {
          if (number !== undefined) report(svc, `spec.ports[${i}]`, 'unnamedPort', { port: number, count: ports.length });
          else report(svc, `spec.ports[${i}]`, 'unnamedEntry', { index: i, count: ports.length });
        }
      });
    }
  },
});
