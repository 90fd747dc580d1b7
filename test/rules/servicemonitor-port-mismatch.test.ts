import { ruleTester } from '../helpers/rule-tester.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, labels: {app: api}}\nspec:\n  selector: {app: api}\n  ports: [{name: http, port: 80}, {name: http-metrics, port: 9090}]\n---\n';
const monitor = (endpoints: string) => `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: api}}\n  endpoints:\n${endpoints}`;

ruleTester('servicemonitor-port-mismatch', {
  valid: [
    { name: 'port names of the Service', yaml: service + monitor('  - port: http-metrics\n  - {port: http, path: /probe}\n') },
    { name: 'a targetPort instead of a port name', yaml: service + monitor('  - targetPort: 9100\n') },
    { name: 'no Service selected (dangling-servicemonitor-selector\'s case)', yaml: monitor('  - port: metrics\n') },
  ],
  invalid: [
    {
      name: 'a port number written as the name',
      yaml: service + monitor('  - port: http-metrics\n  - port: "9090"\n'),
      findings: [{ line: 15, column: 5, message: 'ServiceMonitor "api" scrapes port "9090", which none of the Services it selects names (their port names: http, http-metrics)' }],
    },
    {
      name: 'a name the Service does not use',
      yaml: service + monitor('  - port: metrics\n'),
      findings: [{ line: 14, message: 'port "metrics"' }],
    },
  ],
});
