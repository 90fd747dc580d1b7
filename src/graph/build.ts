import type { ObjectSet } from '../load/object-set.js';
import { isPlainObject } from '../load/parse.js';
import type { K8sObject } from '../types.js';
import { KnitGraph, type GraphNode } from './graph.js';
import { selectorFromMap } from './selector.js';
import { podTemplateOf, type PodTemplate } from './workloads.js';

/** What controllers create at run time, between them and their Pods. */
const IMPLIED_CHAIN: Record<string, string[]> = {
  Deployment: ['ReplicaSet', 'Pod'],
  CronJob: ['Job', 'Pod'],
  StatefulSet: ['Pod'],
  DaemonSet: ['Pod'],
  Job: ['Pod'],
  ReplicaSet: ['Pod'],
  ReplicationController: ['Pod'],
};

const IMPLIED_API_VERSION: Record<string, string> = { ReplicaSet: 'apps/v1', Job: 'batch/v1', Pod: 'v1' };

/** Builds the run's graph: one node per object, implied nodes, and typed edges between them. */
export function buildGraph(objects: ObjectSet): KnitGraph {
  const graph = new KnitGraph();
  for (const obj of objects) addObjectNode(graph, obj);
  for (const svc of objects.ofKind('Service')) addServiceEdges(graph, svc);
  return graph;
}

function addObjectNode(graph: KnitGraph, obj: K8sObject): void {
  const template = podTemplateOf(obj);
  graph.addNode({
    id: obj.id, apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace, name: obj.name,
    implied: false, missing: false, object: obj, podTemplate: obj.kind === 'Pod' ? template : undefined,
  });
  const chain = IMPLIED_CHAIN[obj.kind];
  if (!chain || !template) return;
  let parent = obj.id;
  let name = obj.name;
  chain.forEach((kind, i) => {
    name = `${name}-*`;
    const node: GraphNode = {
      id: `${obj.id}#${kind}`, apiVersion: IMPLIED_API_VERSION[kind], kind, namespace: obj.namespace, name,
      implied: true, missing: false, impliedBy: obj, podTemplate: kind === 'Pod' ? template : undefined,
    };
    graph.addNode(node);
    graph.addEdge({ from: parent, to: node.id, type: 'owns', path: i === chain.length - 1 ? templatePath(template) : 'spec' });
    parent = node.id;
  });
}

function templatePath(template: PodTemplate): string {
  return template.metadataPath.replace(/\.metadata$/, '');
}

function addServiceEdges(graph: KnitGraph, svc: K8sObject): void {
  const spec = svc.body.spec;
  if (!isPlainObject(spec) || svc.namespace === null) return;
  const selector = selectorFromMap(spec.selector);
  // A Service without a selector is managed by hand (its EndpointSlices); it selects nothing.
  if (!selector || Object.keys(selector.matchLabels).length === 0) return;
  for (const pod of graph.podsMatching(svc.namespace, selector)) {
    graph.addEdge({ from: svc.id, to: pod.nodeId, type: 'selects', path: 'spec.selector' });
  }
}
