import { ruleTester } from '../helpers/rule-tester.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n---\n';
const ingress = (backend: string, ns = 'shop') => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n${backend}`;

ruleTester('dangling-ingress-backend', {
  valid: [
    { name: 'port by number', yaml: service + ingress('          service: {name: web, port: {number: 80}}\n') },
    { name: 'port by name, as default backend', yaml: `${service}apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: shop}\nspec:\n  defaultBackend:\n    service: {name: web, port: {name: http}}\n` },
    { name: 'resource backend', yaml: ingress('          resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}\n') },
    { name: 'Service assumed to exist', yaml: ingress('          service: {name: oauth2-proxy, port: {number: 4180}}\n'), options: { assumeExisting: ['shop/oauth2-*'] } },
    { name: 'extensions/v1beta1 serviceName/servicePort', yaml: `${service}apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old, namespace: shop}\nspec:\n  backend: {serviceName: web, servicePort: http}\n` },
  ],
  invalid: [
    {
      name: 'Service not in the namespace',
      yaml: service + ingress('          service:\n            name: web\n            port: {number: 80}\n', 'blog'),
      findings: [{ line: 19, column: 13, message: 'routes to Service "web", which is not in namespace "blog"' }],
    },
    {
      name: 'port number the Service does not have',
      yaml: service + ingress('          service:\n            name: web\n            port:\n              number: 8080\n'),
      findings: [{ line: 21, column: 15, message: 'port 8080 of Service "web", which has no such port (its ports: 80 (http))' }],
    },
    {
      name: 'port name the Service does not have (v1beta1)',
      yaml: `${service}apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old, namespace: shop}\nspec:\n  backend:\n    serviceName: web\n    servicePort: https\n`,
      findings: [{ line: 14, column: 5, message: 'port "https"' }],
    },
  ],
});
