import { ruleTester } from '../helpers/rule-tester.js';

const gateway = (allowed = '') => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: infra}\nspec:\n  gatewayClassName: example\n  listeners:\n  - name: http\n    protocol: HTTP\n    port: 80\n${allowed}---\n`;
const route = (ns: string, parent: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  parentRefs:\n${parent}`;

ruleTester('dangling-route-parent', {
  valid: [
    { name: 'same namespace, no sectionName', yaml: gateway() + route('infra', '  - name: public\n') },
    { name: 'sectionName and port of a listener, routes from All namespaces', yaml: gateway('    allowedRoutes: {namespaces: {from: All}}\n') + route('shop', '  - {name: public, namespace: infra, sectionName: http, port: 80}\n') },
    { name: 'namespace admitted by a Selector', yaml: `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {shared-gateway: "yes"}}\n---\n${gateway('    allowedRoutes:\n      namespaces:\n        from: Selector\n        selector: {matchLabels: {shared-gateway: "yes"}}\n')}${route('shop', '  - {name: public, namespace: infra}\n')}` },
    { name: 'a mesh route attached to a Service of the input', yaml: `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {ports: [{port: 80}]}\n---\n${route('shop', '  - {group: "", kind: Service, name: api}\n')}` },
    { name: 'Gateway assumed to exist', yaml: route('shop', '  - {name: shared, namespace: gateways}\n'), options: { assumeExisting: ['gateways/*'] } },
  ],
  invalid: [
    {
      name: 'Gateway missing',
      yaml: route('shop', '  - name: public\n'),
      findings: [{ line: 6, column: 5, message: 'HTTPRoute "web" attaches to Gateway "public", which is not in namespace "shop"' }],
    },
    {
      name: 'an Istio Gateway of that name does not count',
      yaml: `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: shop}\nspec: {selector: {istio: ingressgateway}}\n---\n${route('shop', '  - name: public\n')}`,
      findings: [{ line: 11, message: 'Gateway "public", which is not in namespace "shop"' }],
    },
    {
      name: 'sectionName no listener has',
      yaml: gateway() + route('infra', '  - name: public\n    sectionName: https\n'),
      findings: [{ line: 17, column: 5, message: 'listener "https" of Gateway "public", which has no such listener (its listeners: http (80))' }],
    },
    {
      name: 'port no listener has',
      yaml: gateway() + route('infra', '  - name: public\n    port: 443\n'),
      findings: [{ line: 17, message: 'port 443 of Gateway "public"' }],
    },
    {
      name: 'listeners admit only routes of the Gateway\'s namespace (the default)',
      yaml: gateway() + route('shop', '  - {name: public, namespace: infra}\n'),
      findings: [{ line: 16, message: 'do not admit routes from that namespace' }],
    },
    {
      name: 'a mesh route attached to a missing Service',
      yaml: route('shop', '  - {group: "", kind: Service, name: api}\n'),
      findings: [{ line: 6, message: 'attaches to Service "api"' }],
    },
  ],
});
