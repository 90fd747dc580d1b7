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
    { name: 'a port number that is no integer (schema-violation reports it)', yaml: service + ingress('          service: {name: web, port: {number: .nan}}\n') },
  ],
  invalid: [
    {
      name: 'Service not in the namespace',
      yaml: service + ingress('          service:\n            name: web\n            port: {number: 80}\n', 'blog'),
      findings: [{ line: 19, column: 13, messageId: 'serviceMissing', data: { name: 'web', service: 'web', namespace: 'blog' } }],
    },
    {
      name: 'port number the Service does not have',
      yaml: service + ingress('          service:\n            name: web\n            port:\n              number: 8080\n'),
      findings: [{ line: 21, column: 15, messageId: 'portNumberMissing', data: { name: 'web', service: 'web', port: 8080, ports: '80 (http)' } }],
    },
    {
      name: 'port name the Service does not have (v1beta1)',
      yaml: `${service}apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: old, namespace: shop}\nspec:\n  backend:\n    serviceName: web\n    servicePort: https\n`,
      findings: [{ line: 14, column: 5, messageId: 'portNameMissing', data: { name: 'old', service: 'web', port: 'https', ports: '80 (http)' } }],
    },
    {
      name: 'Service ports that are no numbers are listed as "?", not NaN',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports: [{name: http, port: http}, {name: admin}, {port: "8443"}]\n---\n' + ingress('          service: {name: web, port: {number: 80}}\n'),
      findings: [{ line: 17, messageId: 'portNumberMissing', data: { port: 80, ports: '? (http), ? (admin), 8443' } }],
    },
  ],
});
