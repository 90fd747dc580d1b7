import { ruleTester } from '../helpers/rule-tester.js';

const gateway = 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: istio-ingress}\nspec:\n  selector: {istio: ingressgateway}\n  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]\n---\n';
const vs = (gateways: string) => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: web, namespace: shop}\nspec:\n  hosts: [web.example.com]\n  gateways:\n${gateways}  http:\n  - route: [{destination: {host: web.example.com}}]\n`;

ruleTester('dangling-virtualservice-gateway', {
  valid: [
    { name: 'namespace/name of a Gateway and the mesh', yaml: gateway + vs('  - istio-ingress/public\n  - mesh\n') },
    { name: 'the old name.namespace form', yaml: gateway + vs('  - public.istio-ingress.svc.cluster.local\n') },
    { name: 'a Gateway assumed to exist', yaml: vs('  - istio-system/shared\n'), options: { assumeExisting: ['istio-system/*'] } },
  ],
  invalid: [
    {
      name: 'a bare name resolves in the VirtualService namespace',
      yaml: gateway + vs('  - public\n'),
      findings: [{ line: 14, column: 5, message: 'VirtualService "web" binds to Gateway "public" in namespace "shop", and the input has no such Istio Gateway' }],
    },
    {
      name: 'a Gateway API Gateway of that name does not count',
      yaml: 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: shop}\nspec: {gatewayClassName: istio, listeners: [{name: http, protocol: HTTP, port: 80}]}\n---\n' + vs('  - public\n'),
      findings: [{ line: 12 }],
    },
  ],
});
