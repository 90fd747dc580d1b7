import { ruleTester } from '../helpers/rule-tester.js';

const svc = (type: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: ${type}\n  ports: [{port: 80}]\n`;

ruleTester('exposed-service', {
  valid: [{ name: 'ClusterIP', yaml: svc('ClusterIP') }],
  invalid: [
    { name: 'NodePort', yaml: svc('NodePort'), findings: [{ line: 5, message: 'Service "web" is of type NodePort', severity: 'info' }] },
    { name: 'LoadBalancer', yaml: svc('LoadBalancer'), findings: [{ line: 5, message: 'LoadBalancer' }] },
  ],
});
