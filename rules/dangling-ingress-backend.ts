import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, ingressBackends, isPlainObject, type AssumeExistingOptions, type K8sObject } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-ingress-backend',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'An Ingress backend names a Service that is not in its namespace, or a port that Service does not have',
  docs: {
    why: 'An Ingress sends requests to a Service of its own namespace, on a port given by number or name. When the Service is missing, or has no such port, the controller answers 503 (or 404) for every request on that path.',
    fix: 'Correct the backend\'s service name and port to a Service in the Ingress\'s namespace and one of its spec.ports (port number, or port name). Services made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  defaultBackend:\n    service: {name: web, port: {number: 8080}}\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  defaultBackend:\n    service: {name: web, port: {name: http}}\n',
  },
  messages: {
    serviceMissing: 'Ingress "{{name}}" routes to Service "{{service}}", which is not in namespace "{{namespace}}" of the input',
    portNumberMissing: 'Ingress "{{name}}" routes to port {{port}} of Service "{{service}}", which has no such port (its ports: {{ports}})',
    portNameMissing: 'Ingress "{{name}}" routes to port "{{port}}" of Service "{{service}}", which has no such port (its ports: {{ports}})',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, settings, report }) {
    for (const ingress of objects.ofKind('Ingress')) {
      for (const { service } of ingressBackends(ingress)) {
        if (!service) continue;
        const svc = objects.find('Service', ingress.namespace, service.name);
        if (!svc) {
          if (!existsOutside({ options, settings }, 'Service', ingress.namespace, service.name)) {
            report(ingress, service.namePath, 'serviceMissing', { name: ingress.name, service: service.name, namespace: ingress.namespace ?? '' });
          }
          continue;
        }
        const ports = servicePorts(svc);
        if (service.port === undefined || ports === undefined) continue;
        const port = typeof service.port === 'string' && /^\d+$/.test(service.port) ? Number(service.port) : service.port;
        // a port number that is no integer (1.5, .nan) is schema-violation's to report
        if (typeof port === 'number' ? !Number.isInteger(port) || ports.numbers.includes(port) : ports.names.includes(port)) continue;
        const has = ports.numbers.length ? ports.numbers.map((n, i) => (ports.names[i] ? `${n} (${ports.names[i]})` : n)).join(', ') : 'none';
        const data = { name: ingress.name, service: service.name, port, ports: has };
        const related = [{ object: svc, path: 'spec.ports', message: `Service "${svc.name}" ports` }];
        report(ingress, service.portPath, typeof port === 'number' ? 'portNumberMissing' : 'portNameMissing', data, { related });
      }
    }
  },
});

/** A Service's port numbers and names, index-aligned; undefined for an ExternalName Service (no ports to check). A port that is no number is shown as "?". */
function servicePorts(svc: K8sObject): { numbers: Array<number | '?'>; names: string[] } | undefined {
  const spec = svc.body.spec;
  if (!isPlainObject(spec) || spec.type === 'ExternalName') return undefined;
  const numbers: Array<number | '?'> = [];
  const names: string[] = [];
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isPlainObject(p)) continue;
      const port = typeof p.port === 'string' && /^\d+$/.test(p.port) ? Number(p.port) : p.port;
      numbers.push(typeof port === 'number' && Number.isInteger(port) ? port : '?');
      names.push(typeof p.name === 'string' ? p.name : '');
    }
  }
  return { numbers, names };
}
