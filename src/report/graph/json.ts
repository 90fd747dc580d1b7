import type { GraphView } from '../../graph/view.js';

/** The graph JSON (version 1). Other tools parse it: keep the shape. */
export function graphToJson(view: GraphView): string {
  const doc = {
    version: 1,
    nodes: view.nodes.map((n) => {
      const source = n.object?.source ?? n.impliedBy?.source;
      return {
        id: n.id, apiVersion: n.apiVersion, kind: n.kind, namespace: n.namespace, name: n.name,
        implied: n.implied, missing: n.missing,
        file: source?.file ?? null,
        line: source ? source.range.start.line : null,
      };
    }),
    edges: view.edges.map((e) => ({ from: e.from, to: e.to, type: e.type, path: e.path })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
