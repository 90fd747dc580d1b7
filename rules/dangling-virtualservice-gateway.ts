import { ASSUME_EXISTING_SCHEMA, assumedToExist, defineRule, isIstio, istioObjects, virtualServiceGateways, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-virtualservice-gateway',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'An Istio VirtualService binds to a Gateway that is not in the input',
  messages: {
    noGateway: 'VirtualService "{{name}}" binds to Gateway "{{gateway}}" in namespace "{{namespace}}", and the input has no such Istio Gateway',
  },
  docs: {
    why: 'A VirtualService applies to the gateways its `gateways` list names (`name` in its own namespace, or `namespace/name`). A name no Istio Gateway has leaves the routes off every gateway: requests reach the ingress gateway and get 404.',
    fix: 'Correct the name, or write `namespace/name` for a Gateway of another namespace (e.g. `istio-system/public-gateway`). Gateways made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: bookinfo-gateway}\nspec:\n  selector: {istio: ingressgateway}\n  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: bookinfo}\nspec:\n  hosts: ["*"]\n  gateways: [bookinfo-gw]\n  http:\n  - route:\n    - destination: {host: productpage.example.com}\n',
    good: 'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: bookinfo-gateway}\nspec:\n  selector: {istio: ingressgateway}\n  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: bookinfo}\nspec:\n  hosts: ["*"]\n  gateways: [bookinfo-gateway]\n  http:\n  - route:\n    - destination: {host: productpage.example.com}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, report }) {
    for (const vs of istioObjects(objects, 'VirtualService')) {
      for (const gw of virtualServiceGateways(vs)) {
        const found = objects.find('Gateway', gw.namespace, gw.name);
        if ((found && isIstio(found)) || assumedToExist(options.assumeExisting, gw.namespace, gw.name)) continue;
        report(vs, gw.path, 'noGateway', { name: vs.name, gateway: gw.name, namespace: gw.namespace });
      }
    }
  },
});
