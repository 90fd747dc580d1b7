import { buildGraph } from '../../src/graph/build.js';
import type { GraphEdge, KnitGraph } from '../../src/graph/graph.js';
import { loadInputs, ObjectSet } from '../../src/load/index.js';

/** The objects of one YAML text. */
export function objectsOf(yaml: string): ObjectSet {
  return new ObjectSet(loadInputs([], { inline: [{ file: 'test.yaml', text: yaml }] }).objects);
}

/** The graph of one YAML text. */
export function graphOf(yaml: string): KnitGraph {
  return buildGraph(objectsOf(yaml));
}

/** Edges of a type as `from -> to @ path`, sorted, for readable assertions. */
export function edgesOf(graph: KnitGraph, type: GraphEdge['type']): string[] {
  return graph.edges().filter((e) => e.type === type).map((e) => `${e.from} -> ${e.to} @ ${e.path}`).sort();
}
