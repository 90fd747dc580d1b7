import type { GraphView } from '../../graph/view.js';
import { graphToDot } from './dot.js';
import { graphToJson } from './json.js';
import { graphToMermaid } from './mermaid.js';

/** Renders a graph view as text (a diagram or JSON). */
export type GraphRenderer = (view: GraphView) => string | Promise<string>;

export const GRAPH_RENDERERS: Record<string, GraphRenderer> = {
  json: graphToJson,
  mermaid: graphToMermaid,
  dot: graphToDot,
};
