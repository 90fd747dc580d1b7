import { ruleTester } from '../helpers/rule-tester.js';

const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: backend}\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n---\n';
const route = (kind = 'HTTPRoute') => `apiVersion: gateway.networking.k8s.io/v1\nkind: ${kind}\nmetadata: {name: api, namespace: frontend}\nspec:\n  rules:\n  - backendRefs:\n    - name: api\n      namespace: backend\n      port: 80\n`;
const grant = (from: string, to: string) => `apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: grant, namespace: backend}\nspec:\n  from: [${from}]\n  to: [${to}]\n---\n`;
const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: tls, namespace: certs}\ntype: kubernetes.io/tls\n---\n';
const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: infra}\nspec:\n  gatewayClassName: example\n  listeners:\n  - name: https\n    protocol: HTTPS\n    port: 443\n    tls:\n      certificateRefs:\n      - {name: tls, namespace: certs}\n';

ruleTester('missing-reference-grant', {
  valid: [
    { name: 'a grant for the route kind and namespace', yaml: service + grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}', '{group: "", kind: Service}') + route() },
    { name: 'a grant naming the Service', yaml: service + grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}', '{group: "", kind: Service, name: api}') + route() },
    { name: 'same namespace needs no grant', yaml: service.replace('backend', 'frontend') + route().replace('      namespace: backend\n', '') },
    { name: 'a missing target is left to dangling-route-backend', yaml: route() },
    { name: 'a Gateway certificate with a grant', yaml: secret + grant('{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}', '{group: "", kind: Secret}').replace('backend', 'certs') + gateway },
  ],
  invalid: [
    {
      name: 'no grant',
      yaml: service + route(),
      findings: [{ line: 14, column: 7, message: 'HTTPRoute "api" in namespace "frontend" refers to Service "api" in namespace "backend", and no ReferenceGrant in "backend" allows HTTPRoutes from "frontend"' }],
    },
    {
      name: 'a grant for another route kind',
      yaml: service + grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}', '{group: "", kind: Service}') + route('TCPRoute'),
      findings: [{ line: 21, message: 'TCPRoutes from "frontend"' }],
    },
    {
      name: 'a grant for another Service name',
      yaml: service + grant('{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: frontend}', '{group: "", kind: Service, name: web}') + route(),
      findings: [{ line: 21 }],
    },
    {
      name: 'a Gateway certificate in another namespace without a grant',
      yaml: secret + gateway,
      findings: [{ line: 17, message: 'Gateway "public" in namespace "infra" refers to Secret "tls"' }],
    },
  ],
});
