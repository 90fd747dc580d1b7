import type { EdgeType } from '../../graph/graph.js';
import type { Severity } from '../../types.js';
import type { Diagram, DiagramEdge, DiagramNode, KindFamily } from './diagram.js';
import { visibleXmlText } from '../escape.js';

/**
 * Graphviz DOT for the styled SVG and HTML diagrams: namespace clusters, a shape and colour per
 * kind family, a line style per edge type, findings on the nodes. Node and edge ids in the DOT are
 * the diagram's short keys, so manifest text only ever appears inside quoted labels.
 */

interface NodeLook {
  shape: string;
  fill: string;
  border: string;
}

export const FAMILY_LOOK: Record<KindFamily, NodeLook> = {
  workload: { shape: 'box3d', fill: '#dbeafe', border: '#1d4ed8' },
  pod: { shape: 'ellipse', fill: '#dcfce7', border: '#15803d' },
  networking: { shape: 'hexagon', fill: '#ede9fe', border: '#6d28d9' },
  mesh: { shape: 'septagon', fill: '#fce7f3', border: '#be185d' },
  monitoring: { shape: 'parallelogram', fill: '#ecfccb', border: '#4d7c0f' },
  certificates: { shape: 'tab', fill: '#fef3c7', border: '#b45309' },
  storage: { shape: 'cylinder', fill: '#fef9c3', border: '#a16207' },
  config: { shape: 'note', fill: '#f1f5f9', border: '#475569' },
  rbac: { shape: 'octagon', fill: '#ffedd5', border: '#c2410c' },
  group: { shape: 'folder', fill: '#e0f2fe', border: '#0369a1' },
  other: { shape: 'box', fill: '#ffffff', border: '#334155' },
};

interface EdgeLook {
  color: string;
  style: 'solid' | 'dashed' | 'dotted' | 'bold';
  arrowhead: string;
}

/** One look per edge type; the compiler insists every type in EDGE_TYPES has one. */
export const EDGE_LOOK: Record<EdgeType, EdgeLook> = {
  owns: { color: '#334155', style: 'solid', arrowhead: 'normal' },
  selects: { color: '#2563eb', style: 'dashed', arrowhead: 'vee' },
  routes: { color: '#7c3aed', style: 'bold', arrowhead: 'normal' },
  mounts: { color: '#ca8a04', style: 'solid', arrowhead: 'box' },
  references: { color: '#64748b', style: 'dotted', arrowhead: 'open' },
  binds: { color: '#c2410c', style: 'solid', arrowhead: 'diamond' },
  provisions: { color: '#a16207', style: 'dashed', arrowhead: 'tee' },
  scales: { color: '#16a34a', style: 'bold', arrowhead: 'vee' },
  grants: { color: '#dc2626', style: 'dotted', arrowhead: 'diamond' },
  'headless-service': { color: '#0d9488', style: 'dashed', arrowhead: 'odot' },
  connects: { color: '#db2777', style: 'bold', arrowhead: 'dot' },
  produces: { color: '#0891b2', style: 'dashed', arrowhead: 'normal' },
};

export const SEVERITY_COLOR: Record<Severity, string> = { error: '#dc2626', warning: '#d97706', info: '#2563eb' };
const SEVERITY_MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const MISSING_COLOR = '#dc2626';

/**
 * A DOT string literal: quotes and backslashes escaped, `&` written as an entity so Graphviz's SVG
 * shows it literally; several lines become centred label lines.
 */
export function dotString(text: string | readonly string[]): string {
  const lines = typeof text === 'string' ? [text] : text;
  const escaped = lines.map((line) => visibleXmlText(line)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/&/g, '&amp;')
    .replace(/[\r\n]+/g, ' '));
  return `"${escaped.join('\\n')}"`;
}

type AttrValue = string | number | readonly string[] | undefined;

function attrList(list: Record<string, AttrValue>): string[] {
  return Object.entries(list)
    .filter((entry): entry is [string, Exclude<AttrValue, undefined>] => entry[1] !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : dotString(v)}`);
}

function attrs(list: Record<string, AttrValue>): string {
  return `[${attrList(list).join(', ')}]`;
}

/** The text lines of a node: kind, name, and the findings mark. */
export function nodeLabelLines(node: DiagramNode): string[] {
  const lines = [node.family === 'group' ? `${node.kind} (${node.members?.length ?? 0} objects)` : node.kind, node.name];
  if (node.renderedFrom) lines.push(`from ${node.renderedFrom}`);
  if (node.missing) lines.push('(missing from input)');
  else if (node.implied) lines.push('(created at run time)');
  if (node.worst) {
    const n = node.findings.length;
    lines.push(`${SEVERITY_MARK[node.worst]} ${n} finding${n === 1 ? '' : 's'} (worst: ${node.worst})`);
  }
  return lines;
}

function nodeStatement(node: DiagramNode): string {
  const look = FAMILY_LOOK[node.family];
  const styles = ['filled'];
  if (node.family === 'workload' || node.family === 'other') styles.push('rounded');
  if (node.implied || node.missing) styles.push('dashed');
  let border = look.border;
  let penwidth = 1.2;
  if (node.missing) border = MISSING_COLOR;
  if (node.worst) {
    border = SEVERITY_COLOR[node.worst];
    penwidth = 3;
  }
  const classes = ['kk-node', `kk-family-${node.family}`];
  if (node.implied) classes.push('kk-implied');
  if (node.missing) classes.push('kk-missing');
  if (node.worst) classes.push(`kk-finding-${node.worst}`);
  return `${node.key} ${attrs({
    id: node.key,
    class: classes.join(' '),
    label: nodeLabelLines(node),
    shape: node.family === 'workload' && node.implied ? 'box' : look.shape,
    style: styles.join(','),
    fillcolor: node.missing ? '#fee2e2' : look.fill,
    color: border,
    fontcolor: node.missing ? MISSING_COLOR : '#0f172a',
    penwidth,
  })};`;
}

function edgeStatement(edge: DiagramEdge): string {
  const look = EDGE_LOOK[edge.type];
  const label = edge.count > 1 ? `${edge.type} ×${edge.count}` : edge.type;
  return `${edge.from} -> ${edge.to} ${attrs({
    id: edge.key,
    class: `kk-edge kk-edge-${edge.type}`,
    color: look.color,
    fontcolor: look.color,
    style: look.style,
    arrowhead: look.arrowhead,
    label,
    fontsize: 9,
  })};`;
}

/** The whole DOT graph: one cluster per namespace, cluster-scoped objects outside. */
export function diagramToStyledDot(diagram: Diagram): string {
  const out: string[] = [
    'digraph kubeknit {',
    '  graph [rankdir=LR, fontname="Helvetica,Arial,sans-serif", fontsize=11, nodesep=0.3, ranksep=0.6, newrank=true];',
    '  node [fontname="Helvetica,Arial,sans-serif", fontsize=10, margin="0.12,0.06"];',
    '  edge [fontname="Helvetica,Arial,sans-serif", arrowsize=0.7];',
  ];
  if (diagram.note) out.push(`  label=${dotString(diagram.note)}; labelloc=t; labeljust=l;`);
  const byNamespace = new Map<string | null, DiagramNode[]>();
  for (const node of diagram.nodes) {
    const list = byNamespace.get(node.namespace) ?? [];
    list.push(node);
    byNamespace.set(node.namespace, list);
  }
  let cluster = 0;
  for (const [namespace, nodes] of byNamespace) {
    if (namespace === null) {
      for (const node of nodes) out.push(`  ${nodeStatement(node)}`);
      continue;
    }
    out.push(`  subgraph cluster_${cluster++} {`);
    const look = attrList({ id: `ns${cluster}`, class: 'kk-namespace', label: `namespace ${namespace}`, style: 'rounded,filled', fillcolor: '#f8fafc', color: '#94a3b8', fontcolor: '#475569' });
    for (const statement of look) out.push(`    ${statement};`);
    for (const node of nodes) out.push(`    ${nodeStatement(node)}`);
    out.push('  }');
  }
  for (const edge of diagram.edges) out.push(`  ${edgeStatement(edge)}`);
  out.push('}');
  return `${out.join('\n')}\n`;
}
