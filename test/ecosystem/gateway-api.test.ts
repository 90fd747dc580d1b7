import { describe, expect, it } from 'vitest';
import { edgesOf, graphOf } from '../graph/build-graph.js';
import { described, findingsOf, sample, seeded } from './sample.js';

const RULE_IDS = ['dangling-route-backend', 'dangling-route-parent', 'missing-reference-grant'];
const text = sample('gateway-api.yaml');

describe('Gateway API sample', () => {
  it('draws every reference: backends, parents, the GatewayClass, certificates and grants', () => {
    const graph = graphOf(text);
    expect(edgesOf(graph, 'routes')).toEqual([
      'GRPCRoute/shop/checkout-grpc -> Service/payments/checkout @ spec.rules[0].backendRefs[0]',
      'HTTPRoute/shop/shop -> Service/payments/checkout @ spec.rules[0].backendRefs[0]',
      'HTTPRoute/shop/shop -> Service/shop/web @ spec.rules[1].backendRefs[0]',
    ]);
    expect(edgesOf(graph, 'references').filter((e) => !e.includes('#Pod'))).toEqual([
      'GRPCRoute/shop/checkout-grpc -> Gateway/infra/public @ spec.parentRefs[0]',
      'Gateway/infra/public -> GatewayClass/example @ spec.gatewayClassName',
      'Gateway/infra/public -> Secret/certs/shop-tls @ spec.listeners[1].tls.certificateRefs[0]',
      'Gateway/infra/public -> Secret/infra/public-tls @ spec.listeners[2].tls.certificateRefs[0]',
      'HTTPRoute/shop/shop -> Gateway/infra/public @ spec.parentRefs[0]',
    ]);
    expect(edgesOf(graph, 'grants')).toEqual(['ReferenceGrant/certs/gateways-read-certs -> Secret/certs/shop-tls @ spec.to[0]']);
    expect(graph.nodes().filter((n) => n.missing)).toEqual([]);
  });

  it('gives no finding when every reference resolves', async () => {
    expect(described(await findingsOf(text, RULE_IDS))).toEqual([]);
  });

  const typos: Array<[string, string, string, string]> = [
    ['a backend name', '    - name: web\n      port: 80', '    - name: webb\n      port: 80', 'dangling-route-backend HTTPRoute/shop @ spec.rules[1].backendRefs[0].name'],
    ['a backend port', '      namespace: payments\n      port: 8080', '      namespace: payments\n      port: 8081', 'dangling-route-backend HTTPRoute/shop @ spec.rules[0].backendRefs[0].port'],
    ['a parent name', '  - name: public\n    namespace: infra\n    port: 8443', '  - name: pubic\n    namespace: infra\n    port: 8443', 'dangling-route-parent GRPCRoute/checkout-grpc @ spec.parentRefs[0].name'],
    ['a sectionName', 'sectionName: https', 'sectionName: http2', 'dangling-route-parent HTTPRoute/shop @ spec.parentRefs[0].sectionName'],
    ['a parent port', 'port: 8443\n  rules', 'port: 9443\n  rules', 'dangling-route-parent GRPCRoute/checkout-grpc @ spec.parentRefs[0].port'],
    ['the route namespace\'s label', 'labels: {gateway-access: "true"}', 'labels: {gateway-access: "false"}', 'dangling-route-parent HTTPRoute/shop @ spec.parentRefs[0]'],
    ['a grant\'s from kind', '  - {group: gateway.networking.k8s.io, kind: GRPCRoute, namespace: shop}', '  - {group: gateway.networking.k8s.io, kind: GRPCroute, namespace: shop}', 'missing-reference-grant GRPCRoute/checkout-grpc @ spec.rules[0].backendRefs[0]'],
    ['a grant\'s target name', '  - {group: "", kind: Secret, name: shop-tls}', '  - {group: "", kind: Secret, name: shop-cert}', 'missing-reference-grant Gateway/public @ spec.listeners[1].tls.certificateRefs[0]'],
  ];
  for (const [what, from, to, want] of typos) {
    it(`reports a typo in ${what} at its field`, async () => {
      expect(described(await findingsOf(seeded(text, from, to), RULE_IDS))).toEqual([want]);
    });
  }
});
