import type { GraphNode } from '../../graph/graph.js';
import type { GraphView } from '../../graph/view.js';

/** Nodes by namespace (cluster-scoped ones under `null`), in the view's order, for diagrams that box namespaces. */
export function nodesByNamespace(view: GraphView): Map<string | null, GraphNode[]> {
  const groups = new Map<string | null, GraphNode[]>();
  for (const node of view.nodes) {
    let list = groups.get(node.namespace);
    if (!list) groups.set(node.namespace, (list = []));
    list.push(node);
  }
  return groups;
}

/** Two-line label of a node: its kind, then its name (with a marker for implied and missing nodes). */
export function nodeLabel(node: GraphNode): [string, string] {
  const suffix = node.missing ? ' (missing)' : node.implied ? ' (implied)' : '';
  return [`${node.kind}${suffix}`, node.name];
}

/** For an object a tool rendered (kustomize), the file it came from, shown under its name. */
export function renderedFrom(node: GraphNode): string | undefined {
  const source = node.object?.source;
  return source?.rendered ? source.file : undefined;
}
