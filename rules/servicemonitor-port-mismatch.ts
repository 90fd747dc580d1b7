import { defineRule, monitorEndpoints, monitoredServices, servicePorts, serviceMonitorsOf } from '../src/rule-api.js';

export default defineRule({
  id: 'servicemonitor-port-mismatch',
  family: 'relationships',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A ServiceMonitor endpoint names a port that none of the Services it selects has',
  messages: {
    noPort: 'ServiceMonitor "{{name}}" scrapes port "{{port}}", which none of the Services it selects names (their port names: {{names}})',
  },
  docs: {
    why: 'A ServiceMonitor endpoint\'s `port` is the *name* of a Service port. The operator keeps only endpoints whose port has that name, so a name the selected Services do not use yields no scrape target at all.',
    fix: 'Set `port` to the `name` of the metrics port in the Service\'s `spec.ports` (name the port there if it has no name), or use `targetPort` to name the container port.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, labels: {app: api}}\nspec:\n  selector: {app: api}\n  ports: [{name: http-metrics, port: 9090}]\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  endpoints: [{port: metrics}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, labels: {app: api}}\nspec:\n  selector: {app: api}\n  ports: [{name: http-metrics, port: 9090}]\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  endpoints: [{port: http-metrics}]\n',
  },
  check({ objects, report }) {
    for (const monitor of serviceMonitorsOf(objects)) {
      const services = monitoredServices(monitor, objects);
      if (!services.length) continue;
      const names = new Set<string>();
      for (const svc of services) for (const p of servicePorts(svc) ?? []) if (p.name) names.add(p.name);
      for (const endpoint of monitorEndpoints(monitor)) {
        if (endpoint.port === undefined || names.has(endpoint.port)) continue;
        report(monitor, `${endpoint.path}.port`, 'noPort', { name: monitor.name, port: endpoint.port, names: names.size ? [...names].sort().join(', ') : 'none' }, {
          related: services.slice(0, 3).map((svc) => ({ object: svc, path: 'spec.ports', message: `Service "${svc.name}" ports` })),
        });
      }
    }
  },
});
