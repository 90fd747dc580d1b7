import { defineRule, formatSelector, monitoredServices, monitorTarget, scopeNamespaces, serviceMonitorsOf } from '../src/rule-api.js';

export default defineRule({
  id: 'dangling-servicemonitor-selector',
  family: 'relationships',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A Prometheus operator ServiceMonitor selects no Service in the namespaces it looks in',
  messages: {
    noMatch: 'ServiceMonitor "{{name}}" selects no Service: no Service in namespace(s) {{namespaces}} has labels {{selector}}',
  },
  docs: {
    why: 'The operator turns a ServiceMonitor into scrape targets from the endpoints of the Services its `selector` matches, in its own namespace or those its `namespaceSelector` names. When no Service matches, nothing is scraped and no alert says so. Namespaces without any Service in the input are not judged (their Services may be deployed elsewhere).',
    fix: 'Make `spec.selector` match the labels of the Service to monitor (the Service\'s `metadata.labels`, not its Pods\'), and `spec.namespaceSelector` name its namespace (`matchNames`) or `any: true`.',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, labels: {app: api}}\nspec:\n  selector: {app: api}\n  ports: [{name: metrics, port: 9090}]\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api-server}}\n  endpoints: [{port: metrics}]\n',
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: api, labels: {app: api}}\nspec:\n  selector: {app: api}\n  ports: [{name: metrics, port: 9090}]\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  endpoints: [{port: metrics}]\n',
  },
  check({ objects, report }) {
    for (const monitor of serviceMonitorsOf(objects)) {
      const target = monitorTarget(monitor);
      if (!target || monitoredServices(monitor, objects).length) continue;
      const namespaces = scopeNamespaces(target.scope, objects, 'Service');
      if (!namespaces.length) continue;
      report(monitor, 'spec.selector', 'noMatch', { name: monitor.name, namespaces: namespaces.sort().map((n) => `"${n}"`).join(', '), selector: formatSelector(target.selector) });
    }
  },
});
