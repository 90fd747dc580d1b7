import { ruleTester } from '../helpers/rule-tester.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80}]\n---\n';
const route = (kind: string, backend: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: web, namespace: shop}\nspec:\n  rules:\n  - backendRefs:\n${backend}`;

ruleTester('dangling-route-backend', {
  valid: [
    { name: 'HTTPRoute to a Service port', yaml: service + route('HTTPRoute', '    - {name: web, port: 80}\n') },
    { name: 'TCPRoute (v1alpha2) to a Service port', yaml: service + route('TCPRoute', '    - {name: web, port: 80}\n').replace('/v1\n', '/v1alpha2\n') },
    { name: 'a backend of another kind is not a Service', yaml: route('HTTPRoute', '    - {group: multicluster.x-k8s.io, kind: ServiceImport, name: web, port: 80}\n') },
    { name: 'Service assumed to exist', yaml: route('HTTPRoute', '    - {name: oauth2-proxy, port: 4180}\n'), options: { assumeExisting: ['shop/oauth2-*'] } },
    { name: 'an Istio-like object of another group named HTTPRoute is not checked', yaml: route('HTTPRoute', '    - {name: nothing, port: 80}\n').replace('gateway.networking.k8s.io/v1', 'example.com/v1') },
  ],
  invalid: [
    {
      name: 'Service missing',
      yaml: service + route('HTTPRoute', '    - name: api\n      port: 80\n'),
      findings: [{ line: 14, column: 7, message: 'HTTPRoute "web" sends traffic to Service "api", which is not in namespace "shop"' }],
    },
    {
      name: 'Service in the namespace the ref names is missing',
      yaml: service + route('UDPRoute', '    - {name: web, namespace: dns, port: 80}\n'),
      findings: [{ line: 14, message: 'Service "web", which is not in namespace "dns"' }],
    },
    {
      name: 'port the Service does not have',
      yaml: service + route('GRPCRoute', '    - name: web\n      port: 8080\n'),
      findings: [{ line: 15, column: 7, message: 'port 8080 of Service "web", which has no such port (its ports: 80 (http))' }],
    },
    {
      name: 'a requestMirror backend',
      yaml: `${service}apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: shop}\nspec:\n  rules:\n  - backendRefs: [{name: web, port: 80}]\n    filters:\n    - type: RequestMirror\n      requestMirror:\n        backendRef: {name: shadow, port: 80}\n`,
      findings: [{ line: 17, message: 'Service "shadow"' }],
    },
  ],
});
