import { Graph } from '@dagrejs/graphlib';
import type { JsonObject, K8sObject } from '../types.js';
import { LabelIndex } from './label-index.js';
import type { LabelSelector } from './selector.js';
import type { PodTemplate } from './workloads.js';
import { objectId } from '../load/parse.js';

export const EDGE_TYPES = ['owns', 'selects', 'routes', 'mounts', 'references', 'binds', 'provisions', 'scales', 'grants', 'headless-service', 'connects'] as const;
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

/** The directed multigraph of one run: objects, implied and missing nodes, typed edges. */
export class KnitGraph {
  private readonly g = new Graph({ directed: true, multigraph: true });
  private readonly byObject = new Map<K8sObject, string>();
  /** Pod nodes (real and implied) by namespace and label, for selector look-ups. */
  private podIndex?: LabelIndex<PodTemplate & { nodeId: string }>;
  private readonly podNodes: Array<PodTemplate & { nodeId: string }> = [];

  addNode(node: GraphNode): GraphNode {
    const existing = this.g.node(node.id) as GraphNode | undefined;
    if (existing) {
      // A duplicate object (same id; duplicate-object reports it) shares the first one's node and edges.
      if (node.object && !this.byObject.has(node.object)) this.byObject.set(node.object, existing.id);
      return existing;
    }
    this.g.setNode(node.id, node);
    if (node.object) this.byObject.set(node.object, node.id);
    if (node.kind === 'Pod' && node.podTemplate) {
      const entry = { ...node.podTemplate, nodeId: node.id };
      this.podNodes.push(entry);
      this.podIndex?.add(entry);
    }
    return node;
  }

  addEdge(edge: GraphEdge): void {
    // Named by type and path: the same edge made twice (duplicate objects) is kept once.
    this.g.setEdge(edge.from, edge.to, edge, `${edge.type}|${edge.path}`);
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
    return this.g.node(id) as GraphNode | undefined;
  }

  nodeOf(obj: K8sObject): GraphNode | undefined {
    const id = this.byObject.get(obj);
    return id === undefined ? undefined : this.node(id);
  }

  nodes(): GraphNode[] {
    return this.g.nodes().map((id) => this.g.node(id) as GraphNode);
  }

  edges(): GraphEdge[] {
    return this.g.edges().map((e) => this.g.edge(e) as GraphEdge);
  }

  outEdges(id: string, type?: EdgeType): GraphEdge[] {
    const edges = (this.g.outEdges(id) ?? []).map((e) => this.g.edge(e) as GraphEdge);
    return type ? edges.filter((e) => e.type === type) : edges;
  }

  inEdges(id: string, type?: EdgeType): GraphEdge[] {
    const edges = (this.g.inEdges(id) ?? []).map((e) => this.g.edge(e) as GraphEdge);
    return type ? edges.filter((e) => e.type === type) : edges;
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
    return this.podIndex.select(namespace, selector);
  }

  /** Every Pod node with its template. */
  pods(): ReadonlyArray<PodTemplate & { nodeId: string }> {
    return this.podNodes;
  }

  /** The underlying graphlib graph, for algorithms (neighbourhoods, cycles…). */
  get graphlib(): Graph {
    return this.g;
  }
}
