import { escapeLabel } from '../report/graph/mermaid.js';
import { escapeForTerminal } from '../report/escape.js';
import type { Finding } from '../types.js';
import type { RevisionDiff } from './diff.js';
import type { RelationNode } from './relations.js';

export const DIFF_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function renderDiff(diff: RevisionDiff, format: DiffFormat): string {
  if (format === 'json') return diffToJson(diff);
  if (format === 'markdown') return diffToMarkdown(diff);
  return diffToStylish(diff);
}

/** The JSON contract (version 1, see docs/pull-requests.md). */
export function diffToJson(diff: RevisionDiff): string {
  const report = {
    version: 1,
    base: diff.base,
    head: diff.head,
    summary: summaryOf(diff),
    objects: diff.objects.map((c) => ({ id: c.id, kind: c.kind, namespace: c.namespace, name: c.name, change: c.change, fields: c.fields })),
    relations: diff.relations.map((r) => ({ change: r.change, type: r.type, from: r.from, to: r.to, sentence: r.sentence })),
    immutable: diff.immutable.map((i) => ({ id: i.id, kind: i.kind, namespace: i.namespace, name: i.name, field: i.field, severity: 'error', message: i.message })),
    findings: { new: diff.findings.new.map(jsonFinding), fixed: diff.findings.fixed.map(jsonFinding) },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function summaryOf(diff: RevisionDiff) {
  const count = (change: string) => diff.objects.filter((c) => c.change === change).length;
  return {
    objectsAdded: count('added'), objectsRemoved: count('removed'), objectsChanged: count('changed'),
    relationsAdded: diff.relations.filter((r) => r.change === 'added').length,
    relationsRemoved: diff.relations.filter((r) => r.change === 'removed').length,
    findingsNew: diff.findings.new.length, findingsFixed: diff.findings.fixed.length,
    immutable: diff.immutable.length,
  };
}

function jsonFinding(f: Finding) {
  return { ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, line: f.line, column: f.column, object: f.object, path: f.path ?? null };
}

function revisionText(name: RevisionDiff['base']): string {
  return name.commit === null ? 'the working tree' : name.ref;
}

/** For the terminal: one line per change, untrusted text escaped. */
export function diffToStylish(diff: RevisionDiff): string {
  const t = escapeForTerminal;
  const lines = [`Changes from ${t(revisionText(diff.base))} to ${t(revisionText(diff.head))}`];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push('', `${title}:`, ...items.map((i) => `  ${i}`));
  };
  section('Cannot be applied in place (error)', diff.immutable.map((i) => t(`${i.kind} ${i.name}: ${i.field} — ${i.message}`)));
  section('Relationships', diff.relations.map((r) => `${r.change === 'added' ? '+' : '-'} ${t(r.sentence)}`));
  section('Objects', diff.objects.map((c) => t(`${c.change.padEnd(7)} ${c.id}${c.fields.length ? ` (${c.fields.join(', ')})` : ''}`)));
  section('New findings', diff.findings.new.map((f) => t(findingLine(f))));
  section('Fixed findings', diff.findings.fixed.map((f) => t(findingLine(f))));
  const s = summaryOf(diff);
  lines.push('', `objects: ${s.objectsAdded} added, ${s.objectsRemoved} removed, ${s.objectsChanged} changed; relationships: ${s.relationsAdded} added, ${s.relationsRemoved} removed; findings: ${s.findingsNew} new, ${s.findingsFixed} fixed; changes kubectl apply cannot make in place: ${s.immutable}`);
  return `${lines.join('\n')}\n`;
}

function findingLine(f: Finding): string {
  return `${f.severity} ${f.ruleId} ${f.file}:${f.line}:${f.column} ${f.message}`;
}

/** A pull request comment: a summary table, the lists, and a Mermaid picture of the changed neighbourhood. */
export function diffToMarkdown(diff: RevisionDiff): string {
  const s = summaryOf(diff);
  const out: string[] = [
    `### kubeknit: ${md(revisionText(diff.base))} → ${md(revisionText(diff.head))}`,
    '',
    '| | added | removed | changed |',
    '| --- | ---: | ---: | ---: |',
    `| Objects | ${s.objectsAdded} | ${s.objectsRemoved} | ${s.objectsChanged} |`,
    `| Relationships | ${s.relationsAdded} | ${s.relationsRemoved} | |`,
    `| Findings | ${s.findingsNew} new | ${s.findingsFixed} fixed | |`,
    `| Changes \`kubectl apply\` cannot make | ${s.immutable} | | |`,
  ];
  const list = (title: string, items: string[]) => {
    if (items.length) out.push('', `#### ${title}`, '', ...items.map((i) => `- ${i}`));
  };
  list('Changes `kubectl apply` cannot make in place', diff.immutable.map((i) => `❌ **error** ${md(`${i.kind} ${i.name}`)}: \`${code(i.field)}\` cannot change once created; delete and recreate the object, or keep the old value`));
  list('Relationships', diff.relations.map((r) => `${r.change === 'added' ? '➕' : '➖'} ${md(r.sentence)}`));
  list('Objects', diff.objects.map((c) => `${c.change} ${md(c.id)}${c.fields.length ? `: ${c.fields.map((f) => `\`${code(f)}\``).join(', ')}` : ''}`));
  list('New findings', diff.findings.new.map(markdownFinding));
  list('Fixed findings', diff.findings.fixed.map(markdownFinding));
  if (diff.neighbourhood.nodes.length) {
    out.push('', '#### Changed neighbourhood', '', '```mermaid', neighbourhoodMermaid(diff).trimEnd(), '```');
    if (diff.neighbourhood.omitted) out.push('', `${diff.neighbourhood.omitted} more unchanged neighbours are not drawn.`);
  }
  return `${out.join('\n')}\n`;
}

function markdownFinding(f: Finding): string {
  return `**${f.severity}** \`${code(f.ruleId)}\` ${md(f.message)} (${md(`${f.file}:${f.line}`)})`;
}

/**
 * The changed nodes and their neighbours: added edges green, removed edges red and dashed, added
 * objects green, removed ones red, changed ones amber. Ids are generated (`n0`…), labels escaped.
 */
export function neighbourhoodMermaid(diff: RevisionDiff): string {
  const { nodes, edges } = diff.neighbourhood;
  const change = new Map(diff.objects.map((c) => [c.id, c.change]));
  const ids = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of nodes) {
    const cls = change.get(node.id) ?? (node.missing ? 'missing' : undefined);
    lines.push(`  ${ids.get(node.id)}["${nodeText(node)}"]${cls ? `:::${cls}` : ''}`);
  }
  const styles: string[] = [];
  edges.forEach((e, i) => {
    const arrow = e.change === 'removed' ? '-.->' : '-->';
    lines.push(`  ${ids.get(e.from)} ${arrow}|${e.change === 'same' ? e.type : `${e.change === 'added' ? '+' : '−'} ${e.type}`}| ${ids.get(e.to)}`);
    if (e.change === 'added') styles.push(`  linkStyle ${i} stroke:#1a7f37,stroke-width:3px`);
    if (e.change === 'removed') styles.push(`  linkStyle ${i} stroke:#cf222e,stroke-width:3px,stroke-dasharray:6 4`);
  });
  lines.push(...styles);
  lines.push('  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px');
  lines.push('  classDef removed fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5');
  lines.push('  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:2px');
  lines.push('  classDef missing fill:#fde0e0,stroke:#c00000,stroke-dasharray:3 3');
  return `${lines.join('\n')}\n`;
}

function nodeText(node: RelationNode): string {
  const where = node.namespace && node.namespace !== 'default' ? `${node.namespace}/` : '';
  return `${escapeLabel(node.kind)}<br/>${escapeLabel(`${where}${node.name}`)}`;
}

/** Markdown text from manifests: Markdown and HTML characters escaped, lines joined. */
export function md(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]#|<>&~]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '&' ? '&amp;' : `\\${ch}`));
}

/** Text inside a code span: no backticks or line breaks can end it. */
function code(text: string): string {
  return text.replace(/[`\r\n]/g, "'");
}
