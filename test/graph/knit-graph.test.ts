import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { workloadContainers } from '../../src/k8s/containers.js';
import { KnitGraph, type GraphEdge, type GraphNode } from '../../src/graph/graph.js';
import { podReferences } from '../../src/k8s/pod-references.js';
import { serviceMentions } from '../../src/graph/service-mentions.js';
import { oncePerTemplate } from '../../src/k8s/template-memo.js';
import { containersOf, podTemplateOf } from '../../src/k8s/workloads.js';
import { appendFieldPath, formatFieldPath } from '../../src/load/field-path.js';
import { yaml } from '../helpers/rule-tester.js';
import { graphOf, objectsOf } from './build-graph.js';

const shop = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web, tier: front}}
      spec:
        serviceAccountName: web
        containers:
        - name: web
          image: nginx:1.27.3
          env: [{name: API, value: "http://api.shop.svc:80"}]
          envFrom: [{configMapRef: {name: web}}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec: {selector: {app: web}, ports: [{port: 80}]}
  ---
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: front, namespace: shop}
  spec:
    podSelector: {matchLabels: {tier: front}}
    ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: web, namespace: shop}
  data: {UPSTREAM: "cache.shop.svc.cluster.local:6379"}
`;

function node(id: string, kind = 'ConfigMap'): GraphNode {
  return { id, apiVersion: 'v1', kind, namespace: 'ns', name: id, implied: false, missing: false };
}

/** What graphlib itself says leaves or enters a node. */
function graphlibEdges(graph: KnitGraph, id: string, direction: 'out' | 'in'): GraphEdge[] {
  const g = graph.graphlib;
  return (direction === 'out' ? g.outEdges(id) : g.inEdges(id))!.map((e) => g.edge(e) as GraphEdge);
}

describe('KnitGraph: per-node edge lists and the graphlib multigraph', () => {
  it('answers per-node questions exactly as graphlib does, in the same order', () => {
    const graph = graphOf(shop);
    const pod = 'Deployment/shop/web#Pod';
    expect(graph.inEdges(pod).map((e) => `${e.from} ${e.type} @ ${e.path}`)).toEqual([
      'Deployment/shop/web#ReplicaSet owns @ spec.template',
      'Service/shop/web selects @ spec.selector',
      'NetworkPolicy/shop/front selects @ spec.podSelector',
      'NetworkPolicy/shop/front selects @ spec.ingress[0].from[0].podSelector',
    ]);
    for (const { id } of graph.nodes()) {
      expect(graph.outEdges(id)).toEqual(graphlibEdges(graph, id, 'out'));
      expect(graph.inEdges(id)).toEqual(graphlibEdges(graph, id, 'in'));
      expect(graph.inEdges(id, 'selects')).toEqual(graphlibEdges(graph, id, 'in').filter((e) => e.type === 'selects'));
    }
    expect(graph.edges()).toHaveLength(graph.graphlib.edgeCount());
  });

  it('brings graphlib up to date with nodes and edges added after it was first used', () => {
    const graph = new KnitGraph();
    graph.addNode(node('a'));
    graph.addNode(node('b'));
    graph.addEdge({ from: 'a', to: 'b', type: 'references', path: 'x' });
    expect(graph.graphlib.edgeCount()).toBe(1);
    graph.addNode(node('c'));
    graph.addEdge({ from: 'b', to: 'c', type: 'references', path: 'y' });
    expect(graph.nodes().map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(graph.edges().map((e) => `${e.from}->${e.to}`)).toEqual(['a->b', 'b->c']);
    expect(graph.graphlib.hasEdge('b', 'c', 'references|y')).toBe(true);
  });

  it('keeps an edge made twice by a node added twice once, and parallel edges of different fields apart', () => {
    const graph = new KnitGraph();
    graph.addNode(node('svc', 'Service'));
    graph.addNode(node('svc', 'Service'));
    graph.addNode(node('pod', 'Pod'));
    for (let i = 0; i < 2; i++) {
      graph.addEdge({ from: 'svc', to: 'pod', type: 'selects', path: 'spec.selector' });
      graph.addEdge({ from: 'svc', to: 'pod', type: 'selects', path: 'spec.other' });
    }
    expect(graph.outEdges('svc').map((e) => e.path)).toEqual(['spec.selector', 'spec.other']);
    expect(graph.inEdges('pod', 'selects')).toHaveLength(2);
    expect(graph.edges()).toHaveLength(2);
  });

  it('lists every node and edge as graphlib does, without filling graphlib (an edge made again stands once, last value)', () => {
    const graph = graphOf(shop);
    const fromLists = { nodes: graph.nodes(), edges: graph.edges() };
    const g = graph.graphlib;
    expect(fromLists.nodes).toEqual(g.nodes().map((id) => g.node(id)));
    expect(fromLists.edges).toEqual(g.edges().map((e) => g.edge(e)));

    const again = new KnitGraph();
    for (const id of ['a', 'b', 'c']) again.addNode(node(id));
    const first: GraphEdge = { from: 'a', to: 'b', type: 'references', path: 'x' };
    const other: GraphEdge = { from: 'a', to: 'c', type: 'references', path: 'x' };
    const remade: GraphEdge = { ...first };
    again.addEdge(first);
    again.addEdge(other);
    again.addEdge(remade);
    const listed = again.edges();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toBe(remade);
    expect(listed[1]).toBe(other);
    const fromGraphlib = again.graphlib.edges().map((e) => again.graphlib.edge(e) as GraphEdge);
    expect(fromGraphlib).toHaveLength(2);
    expect(fromGraphlib[0]).toBe(remade);
    expect(fromGraphlib[1]).toBe(other);
  });

  it('refuses an edge to a node that is not in the graph', () => {
    const graph = new KnitGraph();
    graph.addNode(node('a'));
    expect(() => graph.addEdge({ from: 'a', to: 'nowhere', type: 'references', path: 'x' })).toThrow(/nowhere/);
  });
});

describe('values worked out once per Pod template', () => {
  it('the graph\'s Pod node and podTemplateOf share container lists and references', () => {
    const objects = objectsOf(shop);
    const graph = buildGraph(objects);
    const deployment = objects.ofKind('Deployment')[0];
    const template = podTemplateOf(deployment)!;
    const pod = graph.pods()[0];
    expect(pod.owner).toBe(deployment);
    expect(containersOf(pod)).toBe(containersOf(template));
    expect(podReferences(pod)).toBe(podReferences(template));
    expect(podReferences(template).map((r) => `${r.kind}/${r.name}`)).toEqual(['ConfigMap/web', 'ServiceAccount/web']);
    expect(containersOf(template, ['initContainers'])).toEqual([]);
  });

  it('workloadContainers gives the lists asked for, in the Pod spec\'s order', () => {
    const objects = objectsOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  ephemeralContainers: [{name: debug}]\n  containers: [{name: app}]\n  initContainers: [{name: setup}]\n');
    const names = (lists?: Parameters<typeof workloadContainers>[1]) => [...workloadContainers(objects, lists)].map((c) => `${c.list}/${String(c.container.name)}`);
    expect(names()).toEqual(['initContainers/setup', 'containers/app', 'ephemeralContainers/debug']);
    expect(names(['initContainers', 'containers'])).toEqual(['initContainers/setup', 'containers/app']);
    expect(names(['containers'])).toEqual(['containers/app']);
  });

  it('works a value out again for the same spec at another path', () => {
    let runs = 0;
    const specPathOf = oncePerTemplate((t) => (runs++, t.specPath));
    const template = podTemplateOf(objectsOf(shop).ofKind('Deployment')[0])!;
    expect(specPathOf(template)).toBe('spec.template.spec');
    expect(specPathOf(template)).toBe('spec.template.spec');
    expect(specPathOf({ ...template, specPath: 'spec' })).toBe('spec');
    expect(runs).toBe(2);
  });

  it('service mentions follow the run\'s objects: a ConfigMap counts only in the run that has it', () => {
    const withConfigMap = objectsOf(shop);
    const template = podTemplateOf(withConfigMap.ofKind('Deployment')[0])!;
    const withoutConfigMap = objectsOf(shop.replace(/---\napiVersion: v1\nkind: ConfigMap[^]*$/, ''));
    expect(withoutConfigMap.ofKind('ConfigMap')).toEqual([]);
    expect(serviceMentions(template, withConfigMap).map((m) => m.name)).toEqual(['api', 'cache']);
    expect(serviceMentions(template, withoutConfigMap).map((m) => m.name)).toEqual(['api']);
    expect(serviceMentions(template, withConfigMap)).toBe(serviceMentions(template, withConfigMap));
  });
});

describe('appendFieldPath', () => {
  it('extends a formatted path as formatFieldPath would format the whole', () => {
    expect(appendFieldPath('spec.containers[0]', ['resources', 'limits', 'nvidia.com/gpu'])).toBe('spec.containers[0].resources.limits["nvidia.com/gpu"]');
    expect(appendFieldPath('spec.containers[0]', ['ports', 1])).toBe(formatFieldPath(['spec', 'containers', 0, 'ports', 1]));
    expect(appendFieldPath('', ['metadata', 'name'])).toBe('metadata.name');
  });
});
