import { describe, expect, it } from 'vitest';
import { viewGraph } from '../../src/graph/view.js';
import { graphToDot } from '../../src/report/graph/dot.js';
import { graphToMermaid } from '../../src/report/graph/mermaid.js';
import { graphOf } from './build-graph.js';

// Names chosen to break naive output: quotes, brackets, arrows, a backslash, Markdown and HTML characters.
const tricky = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 'odd"name[x]-->|y|<b>&\\', namespace: shop}\n---\n`;
const app = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, envFrom: [{secretRef: {name: gone}}]}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web, namespace: blog}\nspec: {ingressClassName: nginx}\n';
const view = viewGraph(graphOf(tricky + app));

describe('mermaid output', () => {
  const text = graphToMermaid(view);
  const lines = text.trimEnd().split('\n');

  it('is a flowchart with one subgraph per namespace, each closed', () => {
    expect(lines[0]).toBe('flowchart LR');
    const opened = lines.filter((l) => /^ {2}subgraph ns\d+\["namespace [a-z]+"\]$/.test(l)).length;
    expect(opened).toBe(2);
    expect(lines.filter((l) => l === '  end')).toHaveLength(opened);
  });

  it('declares every node once with a quoted label, and edges use declared ids', () => {
    const declared = lines.map((l) => /^\s+(n\d+)\["[^"]*"\](?::::\w+)?$/.exec(l)?.[1]).filter(Boolean);
    expect(declared).toHaveLength(view.nodes.length);
    expect(new Set(declared).size).toBe(declared.length);
    const edges = lines.filter((l) => /-->|-\.->/.test(l));
    expect(edges).toHaveLength(view.edges.length);
    for (const edge of edges) {
      const m = /^ {2}(n\d+) (?:-->|-\.->)\|[a-z-]+\| (n\d+)$/.exec(edge);
      expect(m, edge).not.toBeNull();
      expect(declared).toContain(m![1]);
      expect(declared).toContain(m![2]);
    }
  });

  it('escapes names and styles missing and implied nodes', () => {
    expect(text).toContain('odd#34;name[x]--#62;|y|#60;b#62;#38;#92;');
    expect(text).toMatch(/\["Secret \(missing\)<br\/>gone"\]:::missing/);
    expect(text).toMatch(/\["Pod \(implied\)<br\/>web-\*-\*"\]:::implied/);
    expect(text).toContain('classDef missing');
  });
});

describe('dot output', () => {
  const text = graphToDot(view);

  it('is one digraph with a cluster per namespace and balanced braces', () => {
    expect(text.startsWith('digraph kubeknit {\n')).toBe(true);
    expect(text.trimEnd().endsWith('}')).toBe(true);
    expect(text.match(/subgraph cluster_\d+ \{/g)).toHaveLength(2);
    // Braces outside quoted strings must balance.
    const unquoted = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(unquoted.split('{').length).toBe(unquoted.split('}').length);
  });

  it('quotes every id and escapes quotes and backslashes', () => {
    expect(text).toContain('"ConfigMap/shop/odd\\"name[x]-->|y|<b>&\\\\"');
    expect(text).toMatch(/"Secret\/shop\/gone" \[label="Secret \(missing\)\\ngone", style="rounded,dashed,filled"/);
    const edgeLines = text.split('\n').filter((l) => l.includes(' -> '));
    expect(edgeLines).toHaveLength(view.edges.length);
    for (const line of edgeLines) expect(line).toMatch(/^ {2}"(?:[^"\\]|\\.)*" -> "(?:[^"\\]|\\.)*" \[label="[a-z-]+"(?:, style=dashed)?\];$/);
  });

  it('renders with Graphviz (the WebAssembly build kubeknit ships, so no system dot is needed)', async () => {
    const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
    const graphviz = await Graphviz.load();
    const svg = graphviz.dot(text, 'svg');
    expect(svg).toContain('<svg');
    expect(svg).toContain('web');
  });
});
