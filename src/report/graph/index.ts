import type { GraphView } from '../../graph/view.js';
import type { Finding } from '../../types.js';
import { graphToDot } from './dot.js';
import { graphToHtml } from './html.js';
import { graphToJson } from './json.js';
import { graphToMermaid } from './mermaid.js';
import { graphToSvg } from './svg.js';

/** What a renderer may use besides the view: the run's findings (diagrams mark them on objects). */
export interface GraphRenderContext {
  findings: readonly Finding[];
}

/** Renders a graph view as text (a diagram or JSON). */
export type GraphRenderer = (view: GraphView, context: GraphRenderContext) => string | Promise<string>;

export const GRAPH_RENDERERS: Record<string, GraphRenderer> = {
  json: graphToJson,
  svg: graphToSvg,
  html: graphToHtml,
  mermaid: graphToMermaid,
  dot: graphToDot,
};
