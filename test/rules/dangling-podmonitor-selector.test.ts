import { ruleTester } from '../helpers/rule-tester.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker, namespace: jobs}\nspec:\n  selector: {matchLabels: {app: worker}}\n  template:\n    metadata: {labels: {app: worker}}\n    spec:\n      containers:\n      - {name: worker, image: worker:1.0, ports: [{name: metrics, containerPort: 9100}]}\n---\n';
const monitor = (spec: string, ns = 'jobs') => `apiVersion: monitoring.coreos.com/v1\nkind: PodMonitor\nmetadata: {name: worker, namespace: ${ns}}\nspec:\n${spec}`;

ruleTester('dangling-podmonitor-selector', {
  valid: [
    { name: 'Pods of a Deployment, by port name', yaml: deployment + monitor('  selector: {matchLabels: {app: worker}}\n  podMetricsEndpoints: [{port: metrics}]\n') },
    { name: 'from another namespace by matchNames', yaml: deployment + monitor('  namespaceSelector: {matchNames: [jobs]}\n  selector: {matchLabels: {app: worker}}\n  podMetricsEndpoints: [{port: metrics}]\n', 'monitoring') },
    { name: 'a namespace without Pods in the input is not judged', yaml: deployment + monitor('  selector: {matchLabels: {app: calico-node}}\n', 'kube-system') },
  ],
  invalid: [
    {
      name: 'labels of no Pod',
      yaml: deployment + monitor('  selector: {matchLabels: {app: workers}}\n  podMetricsEndpoints: [{port: metrics}]\n'),
      findings: [{ line: 16, column: 3, message: 'PodMonitor "worker" selects no Pod: no Pod or Pod template in namespace(s) "jobs" has labels app=workers' }],
    },
    {
      name: 'a port name no container declares',
      yaml: deployment + monitor('  selector: {matchLabels: {app: worker}}\n  podMetricsEndpoints:\n  - port: http-metrics\n'),
      findings: [{ line: 18, column: 5, message: 'scrapes port "http-metrics", which no container of the Pods it selects names (their port names: metrics)' }],
    },
  ],
});
