import { ruleTester } from '../helpers/rule-tester.js';

const service = (ns = 'shop') => `apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: ${ns}}\nspec:\n  selector: {app: cart}\n  ports: [{port: 80}]\n---\n`;
const vs = (host: string, ns = 'shop') => `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: cart, namespace: ${ns}}\nspec:\n  hosts: [cart.example.com]\n  http:\n  - route:\n    - destination:\n        host: ${host}\n`;

ruleTester('dangling-virtualservice-destination', {
  valid: [
    { name: 'a short name in the VirtualService namespace', yaml: service() + vs('cart') },
    { name: 'a full name in another namespace', yaml: service() + vs('cart.shop.svc.cluster.local', 'edge') },
    { name: 'an external host', yaml: vs('api.stripe.com') },
    { name: 'name.namespace of a namespace the input does not have is taken for an outside name', yaml: vs('example.org') },
    { name: 'a ServiceEntry host', yaml: `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: legacy, namespace: shop}\nspec:\n  hosts: [legacy]\n  resolution: DNS\n  endpoints: [{address: 10.0.0.5}]\n---\n${vs('legacy')}` },
    { name: 'an App Mesh VirtualService is another kind', yaml: vs('nothing').replace('networking.istio.io/v1', 'appmesh.k8s.aws/v1beta2') },
  ],
  invalid: [
    {
      name: 'a short name resolves in the VirtualService namespace, not the Service\'s',
      yaml: service() + vs('cart', 'edge'),
      findings: [{ line: 16, column: 9, message: 'VirtualService "cart" routes to "cart", which names Service "cart" in namespace "edge", and the input has no such Service' }],
    },
    {
      name: 'a typo in a full name',
      yaml: service() + vs('carts.shop.svc.cluster.local'),
      findings: [{ line: 16, message: 'Service "carts" in namespace "shop"' }],
    },
    {
      name: 'name.namespace of a namespace in the input',
      yaml: service() + vs('kart.shop', 'edge'),
      findings: [{ line: 16, message: 'Service "kart"' }],
    },
  ],
});
