import { describe, expect, it } from 'vitest';
import { edgesOf, graphOf } from '../graph/build-graph.js';
import { described, findingsOf, sample, seeded } from './sample.js';

const RULE_IDS = [
  'dangling-virtualservice-destination', 'dangling-virtualservice-gateway', 'dangling-destination-subset', 'dangling-issuer-ref',
  'dangling-servicemonitor-selector', 'servicemonitor-port-mismatch', 'dangling-podmonitor-selector',
];
const text = sample('bookinfo.yaml');
const reviews = (v: string) => `Deployment/bookinfo/reviews-${v}#Pod`;

describe('bookinfo-style sample (Istio, cert-manager, Prometheus operator)', () => {
  it('draws every reference', () => {
    const graph = graphOf(text);
    const from = (kind: string) => (edge: string) => edge.startsWith(`${kind}/`);
    expect(edgesOf(graph, 'routes').filter(from('VirtualService'))).toEqual([
      'VirtualService/bookinfo/bookinfo -> Service/bookinfo/productpage @ spec.http[0].route[0].destination',
      'VirtualService/bookinfo/ratings -> Service/bookinfo/details @ spec.http[0].mirror',
      'VirtualService/bookinfo/ratings -> Service/bookinfo/ratings @ spec.http[0].route[0].destination',
      'VirtualService/bookinfo/reviews -> Service/bookinfo/reviews @ spec.http[0].route[0].destination',
      'VirtualService/bookinfo/reviews -> Service/bookinfo/reviews @ spec.http[1].route[0].destination',
      'VirtualService/bookinfo/reviews -> Service/bookinfo/reviews @ spec.http[1].route[1].destination',
    ]);
    const references = edgesOf(graph, 'references');
    expect(references.filter((e) => /^(VirtualService|DestinationRule|Certificate)\//.test(e))).toEqual([
      'Certificate/bookinfo/bookinfo-tls -> Issuer/bookinfo/bookinfo-ca @ spec.issuerRef',
      'DestinationRule/bookinfo/ratings -> Service/bookinfo/ratings @ spec.host',
      'DestinationRule/bookinfo/reviews -> Service/bookinfo/reviews @ spec.host',
      'VirtualService/bookinfo/bookinfo -> Gateway/bookinfo/bookinfo-gateway @ spec.gateways[0]',
      'VirtualService/bookinfo/ratings -> Service/bookinfo/ratings @ spec.hosts[0]',
      'VirtualService/bookinfo/reviews -> Service/bookinfo/reviews @ spec.hosts[0]',
    ]);
    const selects = edgesOf(graph, 'selects').filter((e) => !e.startsWith('Service/'));
    expect(selects).toEqual([
      'DestinationRule/bookinfo/ratings -> Deployment/bookinfo/ratings-v1#Pod @ spec.subsets[0].labels',
      `DestinationRule/bookinfo/reviews -> ${reviews('v1')} @ spec.subsets[0].labels`,
      `DestinationRule/bookinfo/reviews -> ${reviews('v2')} @ spec.subsets[1].labels`,
      `DestinationRule/bookinfo/reviews -> ${reviews('v3')} @ spec.subsets[2].labels`,
      'Gateway/bookinfo/bookinfo-gateway -> Deployment/istio-system/istio-ingressgateway#Pod @ spec.selector',
      `PodMonitor/bookinfo/reviews -> ${reviews('v1')} @ spec.selector`,
      `PodMonitor/bookinfo/reviews -> ${reviews('v2')} @ spec.selector`,
      `PodMonitor/bookinfo/reviews -> ${reviews('v3')} @ spec.selector`,
      'Prometheus/bookinfo/bookinfo -> PodMonitor/bookinfo/reviews @ spec.podMonitorSelector',
      'Prometheus/bookinfo/bookinfo -> ServiceMonitor/bookinfo/productpage @ spec.serviceMonitorSelector',
      'ServiceMonitor/bookinfo/productpage -> Service/bookinfo/productpage @ spec.selector',
    ]);
    expect(graph.nodes().filter((n) => n.missing).map((n) => n.id)).toEqual([]);
  });

  it('gives no finding when every reference resolves', async () => {
    expect(described(await findingsOf(text, RULE_IDS))).toEqual([]);
  });

  const typos: Array<[string, string, string, string]> = [
    ['a destination host', '        host: productpage\n', '        host: product-page\n', 'dangling-virtualservice-destination VirtualService/bookinfo @ spec.http[0].route[0].destination.host'],
    ['a mirror host', 'host: details.bookinfo\n', 'host: detail.bookinfo\n', 'dangling-virtualservice-destination VirtualService/ratings @ spec.http[0].mirror.host'],
    ['a VirtualService gateway', '  - bookinfo-gateway\n', '  - bookinfo-gw\n', 'dangling-virtualservice-gateway VirtualService/bookinfo @ spec.gateways[0]'],
    ['a destination subset', '        subset: v3\n', '        subset: v4\n', 'dangling-destination-subset VirtualService/reviews @ spec.http[1].route[1].destination.subset'],
    ['subset labels', '      version: v3\n', '      version: v3.0\n', 'dangling-destination-subset DestinationRule/reviews @ spec.subsets[2].labels'],
    ['an issuerRef', '    name: bookinfo-ca\n', '    name: bookinfo-issuer\n', 'dangling-issuer-ref Certificate/bookinfo-tls @ spec.issuerRef.name'],
    ['a ServiceMonitor selector', '    matchLabels: {app: productpage}\n', '    matchLabels: {app: product-page}\n', 'dangling-servicemonitor-selector ServiceMonitor/productpage @ spec.selector'],
    ['a ServiceMonitor port', '  - port: http\n    path: /metrics\n', '  - port: metrics\n    path: /metrics\n', 'servicemonitor-port-mismatch ServiceMonitor/productpage @ spec.endpoints[0].port'],
    ['a PodMonitor selector', '    matchLabels: {app: reviews}\n', '    matchLabels: {app: review}\n', 'dangling-podmonitor-selector PodMonitor/reviews @ spec.selector'],
    ['a PodMonitor port', '  podMetricsEndpoints:\n  - port: http\n', '  podMetricsEndpoints:\n  - port: web\n', 'dangling-podmonitor-selector PodMonitor/reviews @ spec.podMetricsEndpoints[0].port'],
  ];
  for (const [what, from, to, want] of typos) {
    it(`reports a typo in ${what} at its field`, async () => {
      expect(described(await findingsOf(seeded(text, from, to), RULE_IDS))).toEqual([want]);
    });
  }

  it('a Gateway selector typo leaves the gateway Pods unselected', () => {
    const graph = graphOf(seeded(text, '    istio: ingressgateway\n  servers', '    istio: ingress-gateway\n  servers'));
    expect(edgesOf(graph, 'selects').filter((e) => e.startsWith('Gateway/'))).toEqual([]);
  });
});
