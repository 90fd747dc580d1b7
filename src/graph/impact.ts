import { alg } from '@dagrejs/graphlib';
import type { KnitGraph } from './graph.js';

/**
 * What depends on a node, transitively: every node with a path of edges into it (a Pod mounts
 * the Secret, a ReplicaSet owns the Pod, a Deployment owns the ReplicaSet, a Service selects the
 * Pod…), i.e. what may break when it is deleted. Includes the node itself.
 */
export function dependentsOf(graph: KnitGraph, id: string): Set<string> {
  const g = graph.graphlib;
  if (!g.hasNode(id)) return new Set();
  // Shortest paths along edges taken backwards (graphlib follows whichever end is not the current node).
  const distances = alg.dijkstra(g, id, () => 1, (v) => g.inEdges(v) ?? []);
  return new Set(Object.entries(distances).filter(([, d]) => Number.isFinite(d.distance)).map(([node]) => node));
}
