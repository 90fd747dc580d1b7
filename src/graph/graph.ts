import { Graph } from '@dagrejs/graphlib';
import type { JsonObject, K8sObject } from '../types.js';
import { LabelIndex } from './label-index.js';
import type { LabelSelector } from '../k8s/selector.js';
import type { PodTemplate } from '../k8s/workloads.js';
import { objectId } from '../k8s/object-id.js';
import { controllerLabelsMatch, splitControllerLabels } from '../k8s/cluster-defaults.js';

export const EDGE_TYPES = ['owns', 'selects', 'routes', 'mounts', 'references', 'binds', 'provisions', 'scales', 'grants', 'headless-service', 'connects', 'produces'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export interface GraphNode {
  id: string;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  /** Made by a controller at run time (a Deployment's ReplicaSet and Pods); not in the input. */
  implied: boolean;
  /** Referenced by the input but not defined in it. */
  missing: boolean;
  /** The input object (absent for implied and missing nodes). */
  object?: K8sObject;
  /** The object whose manifest defines an implied node (its template). */
  impliedBy?: K8sObject;
  /** For Pod nodes: the Pod template they run. */
  podTemplate?: PodTemplate;
  /** For PVCs a StatefulSet implies: its volumeClaimTemplates entry and that entry's field path. */
  claimTemplate?: { body: JsonObject; path: string };
}

export interface GraphEdge {
  from: string;
  to: string;
  type: EdgeType;
  /** The field of the `from` object that made the edge (e.g. `spec.selector`). */
  path: string;
}

/** A node with the edges that leave and enter it, in the order they were made. */
interface Entry {
  node: GraphNode;
  out: GraphEdge[];
  in: GraphEdge[];
  /** Added more than once (duplicate objects share a node): the only source of repeated edges. */
  repeated: boolean;
}

/**
 * The directed multigraph of one run: objects, implied and missing nodes, typed edges.
 * The graph is a graphlib multigraph (`graphlib`), filled on first use: graphlib's bookkeeping
 * per node and edge costs more than building them, and neither a lint run (per-node questions)
 * nor `kubeknit graph` (every node and edge) needs more than the lists kept here answer.
 */
export class KnitGraph {
  private readonly g = new Graph({ directed: true, multigraph: true });
  private readonly entries = new Map<string, Entry>();
  private readonly byObject = new Map<K8sObject, string>();
  /** Every edge in the order it was made, and how many of them graphlib has. */
  private readonly edgeList: GraphEdge[] = [];
  /** Edge builders that threw (a kubeknit bug): the graph lacks their edges, and lint reports each as an internal error. */
  readonly failures: Array<{ builder: string; error: string }> = [];
  private nodesInGraphlib = 0;
  private edgesInGraphlib = 0;
  private readonly nodeOrder: GraphNode[] = [];
  /** Pod nodes (real and implied) by namespace and label, for selector look-ups. */
  private podIndex?: LabelIndex<PodTemplate & { nodeId: string }>;
  private readonly podNodes: Array<PodTemplate & { nodeId: string }> = [];

  addNode(node: GraphNode): GraphNode {
    const existing = this.entries.get(node.id);
    if (existing) {
      // A duplicate object (same id; duplicate-object reports it) shares the first one's node and edges.
      existing.repeated = true;
      if (node.object && !this.byObject.has(node.object)) this.byObject.set(node.object, node.id);
      return existing.node;
    }
    this.entries.set(node.id, { node, out: [], in: [], repeated: false });
    this.nodeOrder.push(node);
    if (node.object) this.byObject.set(node.object, node.id);
    if (node.kind === 'Pod' && node.podTemplate) {
      const entry = { ...node.podTemplate, nodeId: node.id };
      this.podNodes.push(entry);
      this.podIndex?.add(entry);
    }
    return node;
  }

  addEdge(edge: GraphEdge): void {
    const from = this.entries.get(edge.from);
    const to = this.entries.get(edge.to);
    if (!from || !to) throw new Error(`edge ${edge.from} -> ${edge.to}: both ends must be nodes of the graph`);
    // The same edge made twice (by duplicate objects) is kept once, as graphlib keys it (type and path).
    if (from.repeated && from.out.some((e) => e.to === edge.to && e.type === edge.type && e.path === edge.path)) return;
    this.edgeList.push(edge);
    from.out.push(edge);
    to.in.push(edge);
  }

  /** The node of a referenced object: the input object when present, else a *missing* node (added once). */
  referenceNode(apiVersion: string, kind: string, namespace: string | null, name: string): GraphNode {
    const id = objectId(kind, namespace, name);
    return this.node(id) ?? this.addNode({ id, apiVersion, kind, namespace, name, implied: false, missing: true });
  }

  /** Namespaces that have at least one Pod node. */
  podNamespaces(): string[] {
    this.podIndex ??= new LabelIndex(this.podNodes);
    return this.podIndex.namespaces();
  }

  node(id: string): GraphNode | undefined {
    return this.entries.get(id)?.node;
  }

  nodeOf(obj: K8sObject): GraphNode | undefined {
    const id = this.byObject.get(obj);
    return id === undefined ? undefined : this.node(id);
  }

  /** Every node, in the order it was added (as graphlib lists them). */
  nodes(): GraphNode[] {
    return [...this.nodeOrder];
  }

  /**
   * Every edge, in the order it was made, as graphlib lists them: an edge made again between the
   * same nodes with the same type and path stands once, where it was first made, with the last value.
   */
  edges(): GraphEdge[] {
    const byKey = new Map<string, GraphEdge>();
    for (const edge of this.edgeList) byKey.set(graphlibEdgeKey(edge), edge);
    return [...byKey.values()];
  }

  /** Edges leaving a node (of one type), in the order they were made. */
  outEdges(id: string, type?: EdgeType): GraphEdge[] {
    return ofType(this.entries.get(id)?.out, type);
  }

  /** Edges entering a node (of one type), in the order they were made. */
  inEdges(id: string, type?: EdgeType): GraphEdge[] {
    return ofType(this.entries.get(id)?.in, type);
  }

  /** The Pod templates an object's edges of a type lead to (e.g. what a Service selects). */
  targets(obj: K8sObject, type: EdgeType): GraphNode[] {
    const id = this.byObject.get(obj);
    if (id === undefined) return [];
    return this.outEdges(id, type).map((e) => this.node(e.to)).filter((n): n is GraphNode => n !== undefined);
  }

  /** Pod nodes (real Pods and those controllers imply) a selector matches in a namespace. */
  podsMatching(namespace: string, selector: LabelSelector): Array<PodTemplate & { nodeId: string }> {
    this.podIndex ??= new LabelIndex(this.podNodes);
    // labels controllers add (pod-template-hash, job-name…) are on the Pods, not in the templates
    const split = splitControllerLabels(selector);
    if (!split) return this.podIndex.select(namespace, selector);
    return this.podIndex.select(namespace, split.template).filter((pod) => controllerLabelsMatch(pod.owner.kind, pod.owner.name, split.controller));
  }

  /** Every Pod node with its template. */
  pods(): ReadonlyArray<PodTemplate & { nodeId: string }> {
    return this.podNodes;
  }

  /** The graphlib multigraph, for algorithms (neighbourhoods, cycles…); brought up to date first. */
  get graphlib(): Graph {
    for (; this.nodesInGraphlib < this.nodeOrder.length; this.nodesInGraphlib++) {
      const node = this.nodeOrder[this.nodesInGraphlib];
      this.g.setNode(node.id, node);
    }
    for (; this.edgesInGraphlib < this.edgeList.length; this.edgesInGraphlib++) {
      const edge = this.edgeList[this.edgesInGraphlib];
      // Named by type and path, so parallel edges of different fields stay apart.
      this.g.setEdge(edge.from, edge.to, edge, edgeName(edge));
    }
    return this.g;
  }
}

function edgeName(edge: GraphEdge): string {
  return `${edge.type}|${edge.path}`;
}

/** What graphlib tells a multigraph's edges apart by: both ends and the name. */
function graphlibEdgeKey(edge: GraphEdge): string {
  return `${edge.from}\u0001${edge.to}\u0001${edgeName(edge)}`;
}

function ofType(edges: readonly GraphEdge[] | undefined, type: EdgeType | undefined): GraphEdge[] {
  if (!edges) return [];
  return type ? edges.filter((e) => e.type === type) : [...edges];
}
