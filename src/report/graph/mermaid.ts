import type { GraphView } from '../../graph/view.js';
import { nodeLabel, nodesByNamespace, renderedFrom } from './groups.js';

/**
 * A Mermaid flowchart (renders in GitHub Markdown): one subgraph per namespace, implied nodes
 * dashed, missing nodes red. Node ids are generated (`n0`, `n1`…) so object names never reach
 * Mermaid syntax; labels are quoted with entity escapes.
 */
export function graphToMermaid(view: GraphView): string {
  const ids = new Map(view.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  let group = 0;
  for (const [namespace, nodes] of nodesByNamespace(view)) {
    const indent = namespace === null ? '  ' : '    ';
    if (namespace !== null) lines.push(`  subgraph ns${group++}["namespace ${escapeLabel(namespace)}"]`);
    for (const node of nodes) {
      const [kind, name] = nodeLabel(node);
      const cls = node.missing ? ':::missing' : node.implied ? ':::implied' : '';
      const from = renderedFrom(node);
      lines.push(`${indent}${ids.get(node.id)}["${escapeLabel(kind)}<br/>${escapeLabel(name)}${from ? `<br/>${escapeLabel(`from ${from}`)}` : ''}"]${cls}`);
    }
    if (namespace !== null) lines.push('  end');
  }
  for (const edge of view.edges) {
    const arrow = edge.type === 'connects' ? '-.->' : '-->';
    lines.push(`  ${ids.get(edge.from)} ${arrow}|${edge.type}| ${ids.get(edge.to)}`);
  }
  lines.push('  classDef implied stroke-dasharray: 5 5');
  lines.push('  classDef missing fill:#fde0e0,stroke:#c00000,stroke-width:2px,stroke-dasharray: 3 3');
  return `${lines.join('\n')}\n`;
}

/** Mermaid labels in double quotes take `#name;` entities; the quote, HTML and Markdown-string characters are escaped. */
export function escapeLabel(text: string): string {
  return text.replace(/[#"<>&`\\\n\r]/g, (ch) => `#${ch.charCodeAt(0)};`);
}
