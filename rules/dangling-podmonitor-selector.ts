import { declaredPorts, defineRule, formatSelector, monitorEndpoints, monitoredPods, monitorTarget, podMonitorsOf } from '../src/rule-api.js';

export default defineRule({
  id: 'dangling-podmonitor-selector',
  family: 'relationships',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A Prometheus operator PodMonitor selects no Pod in the namespaces it looks in, or scrapes a port name its Pods do not declare',
  messages: {
    noMatch: 'PodMonitor "{{name}}" selects no Pod: no Pod or Pod template in namespace(s) {{namespaces}} has labels {{selector}}',
    noPort: 'PodMonitor "{{name}}" scrapes port "{{port}}", which no container of the Pods it selects names (their port names: {{names}})',
  },
  docs: {
    why: 'The operator scrapes the Pods a PodMonitor\'s `selector` matches (in its namespace, or those its `namespaceSelector` names), on the container port whose *name* the endpoint\'s `port` gives. A selector that matches no Pod, or a port name no container declares, yields no target. Namespaces without any Pod in the input are not judged.',
    fix: 'Make `spec.selector` match the Pod template labels, and `podMetricsEndpoints[].port` the `name` of a container port.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  selector: {matchLabels: {app: worker}}\n  template:\n    metadata: {labels: {app: worker}}\n    spec:\n      containers:\n      - {name: worker, image: worker:1.0, ports: [{name: metrics, containerPort: 9100}]}\n---\napiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: worker}\nspec:\n  selector: {matchLabels: {app: workers}}\n  podMetricsEndpoints: [{port: metrics}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker}\nspec:\n  selector: {matchLabels: {app: worker}}\n  template:\n    metadata: {labels: {app: worker}}\n    spec:\n      containers:\n      - {name: worker, image: worker:1.0, ports: [{name: metrics, containerPort: 9100}]}\n---\napiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: worker}\nspec:\n  selector: {matchLabels: {app: worker}}\n  podMetricsEndpoints: [{port: metrics}]\n',
  },
  check({ objects, graph, report }) {
    for (const monitor of podMonitorsOf(objects)) {
      const target = monitorTarget(monitor);
      if (!target) continue;
      const pods = monitoredPods(graph, monitor);
      if (!pods.length) {
        const present = new Set(graph.podNamespaces());
        const namespaces = target.scope.any ? [...present] : target.scope.names.filter((n) => present.has(n));
        if (namespaces.length) report(monitor, 'spec.selector', 'noMatch', { name: monitor.name, namespaces: namespaces.sort().map((n) => `"${n}"`).join(', '), selector: formatSelector(target.selector) });
        continue;
      }
      const names = new Set<string>();
      for (const pod of pods) for (const port of declaredPorts(pod)) if (port.name) names.add(port.name);
      for (const endpoint of monitorEndpoints(monitor)) {
        if (endpoint.port === undefined || names.has(endpoint.port)) continue;
        report(monitor, `${endpoint.path}.port`, 'noPort', { name: monitor.name, port: endpoint.port, names: names.size ? [...names].sort().join(', ') : 'none' });
      }
    }
  },
});
