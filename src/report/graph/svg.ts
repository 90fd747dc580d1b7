import type { Finding } from '../../types.js';
import type { GraphView } from '../../graph/view.js';
import { buildDiagram, type Diagram, type DiagramOptions } from './diagram.js';
import { diagramToStyledDot } from './styled-dot.js';

/**
 * Lays a DOT graph out with Graphviz compiled to WebAssembly (no system Graphviz, no network).
 * Imported on first use so the json, mermaid and dot formats never load the WebAssembly module.
 */
export async function layoutSvg(dot: string): Promise<string> {
  graphvizLoading ??= import('@hpcc-js/wasm-graphviz').then(({ Graphviz }) => Graphviz.load());
  const graphviz = await graphvizLoading;
  return graphviz.dot(dot, 'svg');
}

let graphvizLoading: Promise<{ dot(dot: string, format: 'svg'): string }> | undefined;

/** The diagram as an SVG picture. */
export async function diagramToSvg(diagram: Diagram): Promise<string> {
  return layoutSvg(diagramToStyledDot(diagram));
}

/** The `svg` graph format: a styled picture of the view with findings marked. */
export async function graphToSvg(view: GraphView, context: { findings: readonly Finding[] }, options?: DiagramOptions): Promise<string> {
  return diagramToSvg(buildDiagram(view, context.findings, options));
}
