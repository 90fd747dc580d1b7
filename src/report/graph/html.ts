import { EDGE_TYPES, type EdgeType } from '../../graph/graph.js';
import type { GraphView } from '../../graph/view.js';
import type { Finding } from '../../types.js';
import { buildDiagram, type Diagram, type DiagramOptions } from './diagram.js';
import { HTML_CLIENT_SCRIPT } from './client-script.js';
import { HTML_STYLE } from './html-style.js';
import type { PageData } from './page-data.js';
import { EDGE_LOOK, SEVERITY_COLOR } from './styled-dot.js';
import { diagramToSvg } from './svg.js';

/** Text safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * JSON safe inside `<script type="application/json">`: no `<` can close the element or open a
 * comment, whatever the manifests' names and messages hold.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The page's data: what the side panel, search and filters read. */
function pageData(diagram: Diagram): PageData {
  const edgeColors = Object.fromEntries(EDGE_TYPES.map((t) => [t, EDGE_LOOK[t].color])) as Record<EdgeType, string>;
  return { nodes: diagram.nodes, edges: diagram.edges, note: diagram.note, edgeTypes: EDGE_TYPES, edgeColors, severityColors: SEVERITY_COLOR };
}

/** One self-contained page (inline SVG, CSS and script; nothing fetched) that works from file://. */
export async function diagramToHtml(diagram: Diagram): Promise<string> {
  const svg = await diagramToSvg(diagram);
  const inlineSvg = svg.slice(svg.indexOf('<svg'));
  const note = diagram.note ? `<p id="kk-note" role="note">${escapeHtml(diagram.note)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="kubeknit">
<title>kubeknit diagram</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header id="kk-toolbar">
  <strong>kubeknit</strong>
  <input id="kk-search" type="search" placeholder="Search by name" aria-label="Search by name" autocomplete="off">
  <select id="kk-namespace" aria-label="Namespace"><option value="">all namespaces</option></select>
  <select id="kk-kind" aria-label="Kind"><option value="">all kinds</option></select>
  <span id="kk-edge-types" aria-label="Edge types"></span>
  <span id="kk-count" aria-live="polite"></span>
  <span class="kk-zoom"><button type="button" id="kk-zoom-in" title="Zoom in">+</button><button type="button" id="kk-zoom-out" title="Zoom out">−</button><button type="button" id="kk-fit" title="Fit to window">fit</button></span>
</header>
${note}
<main>
<div id="kk-canvas">${inlineSvg}</div>
<aside id="kk-panel" hidden><button type="button" id="kk-close" title="Close">×</button><div id="kk-details"></div></aside>
</main>
<script type="application/json" id="kk-data">${jsonForScript(pageData(diagram))}</script>
<script>${HTML_CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/** The `html` graph format: the interactive page. */
export async function graphToHtml(view: GraphView, context: { findings: readonly Finding[] }, options?: DiagramOptions): Promise<string> {
  return diagramToHtml(buildDiagram(view, context.findings, options));
}
