import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRule, lint, type Finding, type LintResult } from '../../src/index.js';
import { findKustomizeCommand } from '../../src/load/kustomize/build.js';
import { runCli } from '../helpers/cli.js';
import { hasShared, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const hasKustomize = findKustomizeCommand() !== undefined;
const SKIP = hasKustomize ? '' : '(skipped: neither kustomize nor kubectl is on PATH)';
const SHOP = path.join(REPO_ROOT, 'test/fixtures/kustomize/shop');

/** The line (1-based) of the first line of `file` that contains `text`. */
function lineOf(file: string, text: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in ${file}`);
  return index + 1;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

const byRule = (result: LintResult, ruleId: string): Finding[] => result.findings.filter((f) => f.ruleId === ruleId);
const relationships = (result: LintResult) => result.findings.filter((f) => findRule(f.ruleId)?.family === 'relationships');

describe.skipIf(!hasKustomize)(`Kustomize overlays, built and mapped back ${SKIP}`, () => {
  let dir: string;
  let base: string;
  let prod: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-kz-test-'));
    cpSync(SHOP, dir, { recursive: true });
    base = path.join(dir, 'base');
    prod = path.join(dir, 'overlays/prod');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds the overlay: objects carry the overlay (namespace, replicas) and no kustomize annotation', async () => {
    const result = await lint([prod]);
    expect(result.objects.map((o) => o.id).sort()).toEqual(['Deployment/shop/api', 'Deployment/shop/web', 'Service/shop/api']);
    const web = result.objects.find((o) => o.id === 'Deployment/shop/web');
    expect((web?.body.spec as { replicas: number }).replicas).toBe(3);
    for (const obj of result.objects) expect(Object.keys(obj.annotations).filter((k) => k.includes('config.kubernetes.io'))).toEqual([]);
    expect(web?.source.file).toBe(path.join(base, 'web.yaml'));
    expect(relationships(result)).toEqual([]);
    expect(result.findings.every((f) => f.rendered?.by === 'kustomize' && f.rendered.kustomization === path.join(prod, 'kustomization.yaml'))).toBe(true);
  });

  it('a defect seeded in a base file is reported at that file and line', async () => {
    const web = path.join(base, 'web.yaml');
    edit(web, '          env:\n', '          securityContext:\n            privileged: true\n          env:\n');
    const [finding, ...more] = byRule(await lint([prod]), 'privileged-container');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ file: web, line: lineOf(web, 'privileged: true'), column: 13, rendered: { by: 'kustomize' } });
  });

  it('a defect an overlay patch brings is reported at the patch entry of the overlay kustomization.yaml', async () => {
    edit(path.join(prod, 'web-resources.yaml'), '          resources:', '          securityContext:\n            privileged: true\n          resources:');
    const kustomization = path.join(prod, 'kustomization.yaml');
    const [finding] = byRule(await lint([prod]), 'privileged-container');
    expect(finding).toMatchObject({ file: kustomization, line: lineOf(kustomization, '- path: web-resources.yaml'), column: 5 });
  });

  it('an inline JSON patch that breaks a selector is reported at its entry', async () => {
    const kustomization = path.join(prod, 'kustomization.yaml');
    writeFileSync(kustomization, `${readFileSync(kustomization, 'utf8')}  - target: {kind: Service, name: api}\n    patch: |-\n      - op: replace\n        path: /spec/selector/app\n        value: api-v2\n`);
    const [finding] = byRule(await lint([prod]), 'dangling-service-selector');
    expect(finding).toMatchObject({ file: kustomization, line: lineOf(kustomization, '- target: {kind: Service'), column: 5 });
  });

  it('a namespace transformer that breaks a reference is reported at its line', async () => {
    const kustomization = path.join(prod, 'kustomization.yaml');
    edit(kustomization, 'namespace: shop', 'namespace: shop-prod');
    const [finding, ...more] = byRule(await lint([prod]), 'dangling-service-reference');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ file: kustomization, line: lineOf(kustomization, 'namespace: shop-prod'), column: 1 });
  });

  it('a namePrefix that breaks a reference is reported at its line', async () => {
    const kustomization = path.join(prod, 'kustomization.yaml');
    edit(kustomization, 'namespace: shop\n', 'namespace: shop\nnamePrefix: prod-\n');
    const [finding, ...more] = byRule(await lint([prod]), 'dangling-service-reference');
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ file: kustomization, line: lineOf(kustomization, 'namePrefix: prod-'), column: 1 });
  });

  it('a field the replicas transformer set is reported at its entry, one still written in the base at the base', async () => {
    const kustomization = path.join(prod, 'kustomization.yaml');
    const result = await lint([prod], { rules: { 'missing-pdb': 'warning' } });
    const at = (name: string) => byRule(result, 'missing-pdb').find((f) => f.object?.name === name);
    expect(at('web')).toMatchObject({ file: kustomization, line: lineOf(kustomization, '- name: web') });
    expect(at('api')).toMatchObject({ file: path.join(base, 'api.yaml'), line: lineOf(path.join(base, 'api.yaml'), 'replicas: 2') });
  });

  it('a base linted beside its overlay is linted through the overlay only, and a base defect is reported once for two overlays', async () => {
    cpSync(prod, path.join(dir, 'overlays/staging'), { recursive: true });
    edit(path.join(dir, 'overlays/staging/kustomization.yaml'), 'namespace: shop', 'namespace: shop-staging\nnamePrefix: staging-');
    edit(path.join(base, 'web.yaml'), 'http://api.shop.svc.cluster.local:8080', 'http://api:8080');
    edit(path.join(base, 'web.yaml'), '          env:\n', '          securityContext:\n            privileged: true\n          env:\n');
    const result = await lint([dir]);
    expect(result.objects).toHaveLength(6); // two builds of three; the base is not built on its own
    expect(byRule(result, 'privileged-container').map((f) => `${path.relative(dir, f.file)}:${f.line}`)).toEqual([`base/web.yaml:${lineOf(path.join(base, 'web.yaml'), 'privileged: true')}`]);
    expect(byRule(result, 'kustomization-skipped')).toEqual([]);
  });

  it('a comment in the base file silences a finding mapped there', async () => {
    const web = path.join(base, 'web.yaml');
    edit(web, '          env:\n', '          securityContext:\n            # kubeknit-disable-next-line privileged-container\n            privileged: true\n          env:\n');
    const result = await lint([prod]);
    expect(byRule(result, 'privileged-container')).toEqual([]);
    expect(result.suppressed.map((s) => s.finding.ruleId)).toContain('privileged-container');
  });

  it('a failing build is one error at the kustomization file with kustomize\'s message', async () => {
    const kustomization = path.join(prod, 'kustomization.yaml');
    edit(kustomization, '- path: web-resources.yaml', '- path: no-such-patch.yaml');
    const result = await lint([prod]);
    expect(result.findings).toMatchObject([{ ruleId: 'kustomize-build-failed', messageId: 'kustomizeFailed', severity: 'error', file: kustomization, line: 1, message: expect.stringContaining('no-such-patch.yaml') }]);
  });

  const CLI_TIMEOUT = 90_000; // a CLI process per run, each building with kubectl, on a busy machine

  it('the CLI: github, sarif and json output carry the mapped location', () => {
    edit(path.join(prod, 'web-resources.yaml'), '          resources:', '          securityContext:\n            privileged: true\n          resources:');
    const rel = path.relative(REPO_ROOT, prod).split(path.sep).join('/');
    const github = runCli(['lint', rel, '--format', 'github', '--format', 'sarif', '--output', path.join(dir, 'out.sarif'), '--format', 'json', '--output', path.join(dir, 'out.json')]);
    expect(github.status).toBe(1);
    expect(github.stdout).toContain(`::error file=${rel}/kustomization.yaml,line=${lineOf(path.join(prod, 'kustomization.yaml'), '- path: web-resources.yaml')},`);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const privileged = sarif.runs[0].results.find((r) => r.ruleId === 'privileged-container');
    expect(privileged?.locations[0].physicalLocation.artifactLocation.uri).toContain('overlays/prod/kustomization.yaml');
    const json = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { findings: Array<{ ruleId: string; rendered?: unknown }> };
    expect(json.findings.find((f) => f.ruleId === 'privileged-container')?.rendered).toEqual({ by: 'kustomize', kustomization: `${rel}/kustomization.yaml` });
  }, CLI_TIMEOUT);

  it('the CLI: --kustomize skip lints the files as they are; a failing build is exit 1', () => {
    const rel = path.relative(REPO_ROOT, prod).split(path.sep).join('/');
    const skipped = JSON.parse(runCli(['lint', rel, '--kustomize', 'skip', '--format', 'json']).stdout) as { findings: Array<{ ruleId: string }> };
    expect(skipped.findings.map((f) => f.ruleId)).toContain('kustomization-skipped');
    edit(path.join(prod, 'kustomization.yaml'), '- path: web-resources.yaml', '- path: no-such-patch.yaml');
    const failed = runCli(['lint', rel, '--format', 'json']);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).findings).toMatchObject([{ ruleId: 'kustomize-build-failed', file: `${rel}/kustomization.yaml` }]);
  }, CLI_TIMEOUT);

  it('the CLI: kubeknit graph draws the built objects, each labelled with the file it came from', () => {
    const run = runCli(['graph', prod, '--format', 'mermaid']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('namespace shop');
    expect(run.stdout).toMatch(/Deployment<br\/>web<br\/>from [^"]*base\/web\.yaml/);
  }, CLI_TIMEOUT);

  it('the CLI: with no kustomize on PATH, one info says how to get one and the files are linted as they are', () => {
    const run = runCli(['lint', dir, '--format', 'json'], { env: { PATH: '' } });
    const findings = JSON.parse(run.stdout).findings as Array<{ ruleId: string; severity: string; message: string }>;
    expect(findings.filter((f) => f.ruleId === 'kustomization-skipped')).toMatchObject([{ severity: 'info', message: expect.stringContaining('install') }]);
    expect(findings.some((f) => f.ruleId === 'run-as-root')).toBe(true);
    const render = runCli(['lint', dir, '--kustomize', 'render'], { env: { PATH: '' } });
    expect(render.status).toBe(2);
    expect(render.stderr).toContain('--kustomize render');
  }, CLI_TIMEOUT);

  it('the CLI: --kustomize render with a command that does not exist is exit 2', { timeout: CLI_TIMEOUT }, () => {
    const run = runCli(['lint', prod, '--kustomize', 'render', '--kustomize-command', 'kubeknit-no-such-kustomize build']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('kubeknit-no-such-kustomize');
  });
});

describe.skipIf(!hasKustomize || !hasShared)(`microservices-demo kustomize/ ${hasShared ? SKIP : SHARED_SKIP_REASON}`, () => {
  const root = sharedPath('corpora/microservices-demo/kustomize');

  it('the base builds and lints with no relationship finding, mapped to the base files', async () => {
    const result = await lint([path.join(root, 'base')], { preset: 'all' });
    expect(result.objects.length).toBeGreaterThan(30);
    expect(relationships(result)).toEqual([]);
    expect(result.findings.every((f) => f.file.startsWith(path.join(root, 'base')))).toBe(true);
  });

  it.each(['network-policies'])('the base with component %s builds and lints with no relationship finding', async (component) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-kz-demo-'));
    try {
      const rel = (p: string) => path.relative(dir, p).split(path.sep).join('/');
      writeFileSync(path.join(dir, 'kustomization.yaml'), `resources:\n  - ${rel(path.join(root, 'base'))}\ncomponents:\n  - ${rel(path.join(root, 'components', component))}\n`);
      const result = await lint([dir], { preset: 'all' });
      expect(result.objects.filter((o) => o.kind === 'NetworkPolicy').length).toBeGreaterThan(0);
      expect(relationships(result)).toEqual([]);
      expect(byRule(result, 'missing-network-policy')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
