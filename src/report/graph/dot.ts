import type { GraphView } from '../../graph/view.js';
import { nodeLabel, nodesByNamespace, renderedFrom } from './groups.js';

/** A Graphviz digraph (`dot -Tsvg`): one cluster per namespace, implied nodes dashed, missing nodes red. */
export function graphToDot(view: GraphView): string {
  const lines = ['digraph kubeknit {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];'];
  let group = 0;
  for (const [namespace, nodes] of nodesByNamespace(view)) {
    const indent = namespace === null ? '  ' : '    ';
    if (namespace !== null) lines.push(`  subgraph cluster_${group++} {`, `    label=${quote(`namespace ${namespace}`)};`, '    style=dashed;');
    for (const node of nodes) {
      const [kind, name] = nodeLabel(node);
      const style = node.missing ? ', style="rounded,dashed,filled", fillcolor="#fde0e0", color="#c00000"' : node.implied ? ', style="rounded,dashed"' : '';
      const from = renderedFrom(node);
      lines.push(`${indent}${quote(node.id)} [label=${quote(`${kind}\n${name}${from ? `\nfrom ${from}` : ''}`)}${style}];`);
    }
    if (namespace !== null) lines.push('  }');
  }
  for (const edge of view.edges) {
    const style = edge.type === 'connects' ? ', style=dashed' : '';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.type)}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n` (centred lines). */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
