import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { TemplateText } from '../../src/load/helm/template-locate.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const CHART = path.join(REPO_ROOT, 'test/fixtures/helm/shop');
const RENDERED = readFileSync(path.join(CHART, 'rendered.yaml'), 'utf8');

function lineOf(file: string, text: string): number {
  return readFileSync(path.join(CHART, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}

async function lintRendered(chartDir?: string) {
  return lint(['-'], { inline: [{ file: '<stdin>', text: RENDERED }], chartDir });
}

describe('helm template output with --chart-dir', () => {
  it('reports each finding at the template file, at the line of the field where the template writes it', async () => {
    const { findings } = await lintRendered(CHART);
    const at = (ruleId: string) => findings.find((f) => f.ruleId === ruleId);
    const deployment = path.join(CHART, 'templates/deployment.yaml');
    expect(at('dangling-service-selector')).toMatchObject({ file: path.join(CHART, 'templates/service.yaml'), line: lineOf('templates/service.yaml', 'selector:'), column: 3, rendered: { by: 'helm', chart: CHART } });
    // privileged: true comes from values.yaml through toYaml: the template line that writes it
    expect(at('privileged-container')).toMatchObject({ file: deployment, line: lineOf('templates/deployment.yaml', 'securityContext:'), column: 11 });
    expect(at('missing-resource-requests')).toMatchObject({ file: deployment, line: lineOf('templates/deployment.yaml', 'resources:') });
  });

  it('without --chart-dir the stream lines stay', async () => {
    const { findings } = await lintRendered();
    const selector = findings.find((f) => f.ruleId === 'dangling-service-selector');
    expect(selector).toMatchObject({ file: '<stdin>', line: RENDERED.split('\n').findIndex((l) => l.includes('selector:')) + 1 });
    expect(selector?.rendered).toBeUndefined();
  });

  it('the CLI: github annotations at the template, and a folder without Chart.yaml is exit 2', () => {
    const rel = 'test/fixtures/helm/shop';
    const run = runCli(['lint', '-', '--chart-dir', rel, '--format', 'github'], { input: RENDERED });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`file=${rel}/templates/service.yaml,line=${lineOf('templates/service.yaml', 'selector:')},`);
    const bad = runCli(['lint', '-', '--chart-dir', 'test/fixtures/helm'], { input: RENDERED });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Chart.yaml');
  });
});

describe('finding keys in template text', () => {
  const tpl = new TemplateText([
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'spec:', // 3
    '  template:', // 4
    '    spec:', // 5
    '      containers:', // 6
    '        - name: a', // 7
    '          image: x', // 8
    '        - name: b', // 9
    '          securityContext:', // 10
    '            privileged: true', // 11
    '      volumes:', // 12
    '      {{- range .Values.volumes }}', // 13
    '        - name: {{ .name }}', // 14
    '      {{- end }}', // 15
  ].join('\n'));

  it('follows keys and list items', () => {
    expect(tpl.locate(0, 'spec.template.spec.containers[1].securityContext.privileged')?.start).toEqual({ line: 11, column: 13 });
    expect(tpl.locate(0, 'spec.template.spec.containers[0].image')?.start).toEqual({ line: 8, column: 11 });
    expect(tpl.locate(0, 'spec.template.spec.containers[1].name')?.start).toEqual({ line: 9, column: 11 });
  });

  it('does not guess: a key that is not written stops at its parent, items a range writes at the list', () => {
    expect(tpl.locate(0, 'spec.template.spec.containers[0].resources')?.start.line).toBe(7);
    expect(tpl.locate(0, 'spec.template.spec.volumes[0].name')?.start.line).toBe(12);
    expect(tpl.locate(0, 'spec.template.spec.containers[5]')?.start.line).toBe(6);
    expect(tpl.locate(0, 'metadata.name')?.start.line).toBe(1);
  });
});
