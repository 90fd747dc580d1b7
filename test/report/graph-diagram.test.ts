import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDGE_TYPES } from '../../src/graph/graph.js';
import { viewGraph, type GraphView } from '../../src/graph/view.js';
import { lint, type LintResult } from '../../src/index.js';
import { buildDiagram, type Diagram, type DiagramNode } from '../../src/report/graph/diagram.js';
import { diagramToHtml } from '../../src/report/graph/html.js';
import { diagramToSvg, graphToSvg } from '../../src/report/graph/svg.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { svgGroups, type SvgGroup } from '../helpers/svg.js';

function node(key: string, name: string, extra: Partial<DiagramNode> = {}): DiagramNode {
  return { key, id: `ConfigMap/ns/${name}`, kind: 'ConfigMap', namespace: 'ns', name, family: 'config', implied: false, missing: false, file: 'a.yaml', line: 1, findings: [], worst: null, ...extra };
}

const nodesOf = (groups: Map<string, SvgGroup>) => [...groups.values()].filter((g) => g.classes.includes('node'));

describe('graph --format svg of examples/', () => {
  let result: LintResult;
  let view: GraphView;
  let groups: Map<string, SvgGroup>;
  beforeAll(async () => {
    result = await lint([path.join(REPO_ROOT, 'examples')]);
    view = viewGraph(result.graph);
    groups = svgGroups(await graphToSvg(view, result));
  });

  it('is well-formed XML with one SVG node per graph node, each showing its kind and name', () => {
    const drawn = nodesOf(groups);
    expect(drawn).toHaveLength(view.nodes.length);
    const diagram = buildDiagram(view, result.findings);
    for (const n of diagram.nodes) {
      const g = groups.get(n.key);
      expect(g?.texts, n.id).toContain(n.name);
      expect(g?.texts, n.id).toContain(n.kind);
    }
  });

  it('draws one cluster per namespace and an edge per graph edge, classed by type', () => {
    const clusters = [...groups.values()].filter((g) => g.classes.includes('cluster'));
    expect(clusters.map((c) => c.texts.join(' ')).sort()).toEqual([...new Set(view.nodes.flatMap((n) => (n.namespace ? [`namespace ${n.namespace}`] : [])))].sort());
    const edges = [...groups.values()].filter((g) => g.classes.includes('edge'));
    expect(edges).toHaveLength(view.edges.length);
    for (const e of view.edges) expect(edges.some((g) => g.classes.includes(`kk-edge-${e.type}`))).toBe(true);
  });

  it('marks objects with findings with their count and worst severity, and implied objects dashed', () => {
    const diagram = buildDiagram(view, result.findings);
    const withFindings = diagram.nodes.filter((n) => n.findings.length);
    expect(withFindings.map((n) => n.id).sort()).toEqual([...new Set(result.findings.map((f) => `${f.object?.kind}/${f.object?.namespace}/${f.object?.name}`))].sort());
    for (const n of withFindings) {
      const g = groups.get(n.key)!;
      expect(g.classes).toContain(`kk-finding-${n.worst}`);
      expect(g.texts.join('\n')).toMatch(new RegExp(`${n.findings.length} findings? \\(worst: ${n.worst}\\)`));
    }
    for (const n of diagram.nodes) expect(groups.get(n.key)!.dashed, n.id).toBe(n.implied || n.missing);
  });
});

describe('styled diagram details', () => {
  it('gives every edge type its own look', async () => {
    const diagram: Diagram = {
      nodes: [node('n0', 'a'), node('n1', 'b')],
      edges: EDGE_TYPES.map((type, i) => ({ key: `e${i}`, from: 'n0', to: 'n1', type, path: 'spec', count: 1 })),
      note: null,
    };
    const groups = svgGroups(await diagramToSvg(diagram));
    const edges = [...groups.values()].filter((g) => g.classes.includes('edge'));
    expect(edges).toHaveLength(EDGE_TYPES.length);
    const strokes = EDGE_TYPES.map((type) => edges.find((g) => g.classes.includes(`kk-edge-${type}`))?.strokes[0]);
    expect(new Set(strokes).size).toBe(EDGE_TYPES.length);
    expect(strokes).not.toContain(undefined);
  });

  it('draws missing objects red and dashed', async () => {
    const diagram: Diagram = { nodes: [node('n0', 'gone', { missing: true, file: null, line: null })], edges: [], note: null };
    const g = nodesOf(svgGroups(await diagramToSvg(diagram)))[0];
    expect(g.classes).toContain('kk-missing');
    expect(g.strokes).toContain('#dc2626');
    expect(g.dashed).toBe(true);
    expect(g.texts).toContain('(missing from input)');
  });

  it('keeps names from manifests as text in SVG and HTML, never markup', async () => {
    const evil = `x<b>"q'&amp;\\N</script><!--`;
    const diagram: Diagram = { nodes: [node('n0', evil, { findings: [{ ruleId: 'r', severity: 'warning', message: `bad <img src=x onerror=alert(1)> ${evil}`, file: 'a.yaml', line: 3, objectId: 'ConfigMap/ns/x' }], worst: 'warning' })], edges: [], note: null };
    const g = nodesOf(svgGroups(await diagramToSvg(diagram)))[0];
    expect(g.texts).toContain(evil);
    const html = await diagramToHtml(diagram);
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<img');
    const json = /<script type="application\/json" id="kk-data">([^<]*)<\/script>/.exec(html)?.[1];
    const data = JSON.parse(json ?? 'null');
    expect(data.nodes[0].name).toBe(evil);
    expect(data.nodes[0].findings[0].message).toContain('<img src=x');
  });

  it('groups objects per application label or namespace above the limit, and says so', async () => {
    const docs: string[] = [];
    for (let i = 0; i < 40; i++) {
      const labels = i % 2 ? `{app.kubernetes.io/name: shop-${i % 3}}` : i % 5 ? `{app: legacy}` : '{}';
      docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, namespace: ns-${i % 2}, labels: ${labels}}\n`);
    }
    const result = await lint([], { inline: [{ file: 'many.yaml', text: docs.join('---\n') }] });
    const diagram = buildDiagram(viewGraph(result.graph), result.findings, { groupAbove: 30 });
    expect(diagram.note).toMatch(/^40 objects \(more than 30\): grouped per application label/);
    const names = diagram.nodes.map((n) => `${n.namespace}/${n.kind}/${n.name}`).sort();
    expect(names).toEqual(['ns-0/application/legacy', 'ns-0/namespace/ns-0', 'ns-1/application/shop-0', 'ns-1/application/shop-1', 'ns-1/application/shop-2']);
    expect(diagram.nodes.reduce((sum, n) => sum + (n.members?.length ?? 0), 0)).toBe(40);
    const groups = svgGroups(await diagramToSvg(diagram));
    expect(groups.get('graph0')?.texts.join(' ')).toContain('grouped per application label');
    expect(nodesOf(groups)).toHaveLength(5);
    expect(buildDiagram(viewGraph(result.graph), result.findings).note).toBeNull();
    const perNamespace = buildDiagram(viewGraph(result.graph), result.findings, { groupAbove: 4 });
    expect(perNamespace.note).toMatch(/grouped per namespace\./);
    expect(perNamespace.nodes.map((n) => n.name).sort()).toEqual(['ns-0', 'ns-1']);
  });

  it('groups above 300 objects by default', async () => {
    const docs = Array.from({ length: 301 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, labels: {app: a${i % 7}}}\n`);
    const result = await lint([], { inline: [{ file: 'many.yaml', text: docs.join('---\n') }] });
    const diagram = buildDiagram(viewGraph(result.graph), result.findings);
    expect(diagram.note).toMatch(/^301 objects \(more than 300\)/);
    expect(diagram.nodes).toHaveLength(7);
  });
});
