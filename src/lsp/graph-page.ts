import type { LintOptions } from '../index.js';
import { PRESETS, type Preset } from '../engine/rule.js';
import { viewGraph } from '../graph/view.js';
import { graphToHtml, jsonForScript } from '../report/graph/html.js';
import type { K8sObject } from '../types.js';
import type { Analysis } from './workspace.js';

/** The custom request editors send for the workspace diagram (`{ uri? }` → `{ html }`). */
export const GRAPH_PAGE_REQUEST = 'kubeknit/graphPage';

/** Lint options an editor may set in `initializationOptions`; anything else, or of another type, is ignored. */
export function editorLintOptions(options: Record<string, unknown>): LintOptions {
  const lint: LintOptions = {};
  if (typeof options.preset === 'string' && (PRESETS as readonly string[]).includes(options.preset)) lint.preset = options.preset as Preset;
  if (typeof options.kubernetesVersion === 'string' && /^\d+\.\d+$/.test(options.kubernetesVersion)) lint.kubernetesVersion = options.kubernetesVersion;
  return lint;
}

/**
 * The interactive diagram of the whole workspace, as `kubeknit graph -f html` draws it, with the
 * nodes of `highlight` (the objects of the file in the editor) outlined.
 */
export async function graphPageHtml(analysis: Analysis, highlight: readonly K8sObject[]): Promise<string> {
  const html = await graphToHtml(viewGraph(analysis.graph), { findings: analysis.findings });
  const ids = highlight.map((obj) => analysis.graph.nodeOf(obj)?.id).filter((id): id is string => id !== undefined);
  return ids.length ? html.replace('</body>', `${highlightScript(ids)}</body>`) : html;
}

export function emptyGraphPage(): string {
  return '<!doctype html><html lang="en"><meta charset="utf-8"><title>kubeknit diagram</title><p>No manifests in the workspace yet.</p></html>';
}

/** Outlines the SVG groups of the given graph node ids; the page's data maps ids to SVG keys. */
function highlightScript(ids: readonly string[]): string {
  return `<style>#kk-canvas .kk-current > path,#kk-canvas .kk-current > polygon,#kk-canvas .kk-current > ellipse{stroke:#2563eb;stroke-width:4px}</style>
<script type="application/json" id="kk-highlight">${jsonForScript(ids)}</script>
<script>(function(){var ids=new Set(JSON.parse(document.getElementById('kk-highlight').textContent));var data=JSON.parse(document.getElementById('kk-data').textContent);data.nodes.forEach(function(n){if(!ids.has(n.id))return;var g=document.getElementById(n.key);if(g)g.classList.add('kk-current');});})();</script>
`;
}
