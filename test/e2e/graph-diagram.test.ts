import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { assertWellFormed } from '../helpers/svg.js';

interface GraphJson {
  nodes: Array<{ id: string }>;
  edges: Array<{ from: string; to: string }>;
}

describe('kubeknit graph diagrams (built CLI)', () => {
  it('--format svg prints a well-formed SVG picture', () => {
    const run = runCli(['graph', 'examples/', '--format', 'svg']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<svg');
    assertWellFormed(run.stdout);
    expect(run.stdout).toContain('namespace shop');
  });

  it('--format html writes one self-contained page that fetches nothing', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'kk-html-')), 'graph.html');
    const run = runCli(['graph', 'examples/', '-f', 'html', '-o', out]);
    expect(run.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).toContain('id="kk-data"');
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('--only-findings keeps objects with findings and their neighbours, in every format', () => {
    const all = JSON.parse(runCli(['graph', 'examples/']).stdout) as GraphJson;
    const findings = JSON.parse(runCli(['lint', 'examples/', '-f', 'json']).stdout) as { findings: Array<{ object: { kind: string; namespace: string; name: string } }> };
    const flagged = new Set(findings.findings.map((f) => `${f.object.kind}/${f.object.namespace}/${f.object.name}`));
    const expected = new Set(flagged);
    for (const e of all.edges) {
      if (flagged.has(e.from)) expected.add(e.to);
      if (flagged.has(e.to)) expected.add(e.from);
    }
    const only = JSON.parse(runCli(['graph', 'examples/', '--only-findings']).stdout) as GraphJson;
    expect(only.nodes.map((n) => n.id).sort()).toEqual([...expected].sort());
    expect(only.nodes.length).toBeLessThan(all.nodes.length);
    const svg = runCli(['graph', 'examples/', '--only-findings', '-f', 'svg']).stdout;
    expect(svg.match(/class="node /g)).toHaveLength(expected.size);
  });

  it('--help lists the diagram formats and --only-findings', () => {
    const help = runCli(['graph', '--help']).stdout;
    expect(help).toMatch(/svg/);
    expect(help).toMatch(/html/);
    expect(help).toContain('--only-findings');
  });
});
