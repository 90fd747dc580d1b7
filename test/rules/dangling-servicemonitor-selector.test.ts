import { ruleTester } from '../helpers/rule-tester.js';

const service = (ns: string, labels = '{app: api}') => `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: ${ns}, labels: ${labels}}\nspec:\n  selector: {app: api}\n  ports: [{name: metrics, port: 9090}]\n---\n`;
const monitor = (spec: string) => `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api, namespace: monitoring}\nspec:\n${spec}  endpoints: [{port: metrics}]\n`;

ruleTester('dangling-servicemonitor-selector', {
  valid: [
    { name: 'a Service of a namespace named by matchNames', yaml: service('shop') + monitor('  namespaceSelector: {matchNames: [shop]}\n  selector: {matchLabels: {app: api}}\n') },
    { name: 'any namespace', yaml: service('shop') + monitor('  namespaceSelector: {any: true}\n  selector: {matchExpressions: [{key: app, operator: In, values: [api, web]}]}\n') },
    { name: 'a namespace without Services in the input is not judged', yaml: service('shop') + monitor('  namespaceSelector: {matchNames: [kube-system]}\n  selector: {matchLabels: {k8s-app: kube-dns}}\n') },
    { name: 'a ServiceMonitor of another group is not checked', yaml: service('monitoring') + monitor('  selector: {matchLabels: {app: nothing}}\n').replace('monitoring.coreos.com/v1', 'example.com/v1') },
  ],
  invalid: [
    {
      name: 'labels of no Service in its own namespace',
      yaml: service('monitoring', '{app: api-server}') + monitor('  selector:\n    matchLabels: {app: api}\n'),
      findings: [{ line: 12, column: 3, message: 'ServiceMonitor "api" selects no Service: no Service in namespace(s) "monitoring" has labels app=api' }],
    },
    {
      name: 'the Service is in another namespace than the one named',
      yaml: service('shop') + service('blog', '{app: blog}') + monitor('  namespaceSelector: {matchNames: [blog]}\n  selector: {matchLabels: {app: api}}\n'),
      findings: [{ line: 20, message: 'namespace(s) "blog"' }],
    },
  ],
});
