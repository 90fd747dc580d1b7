import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { tempTree } from '../helpers/temp.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;

interface JsonFinding { ruleId: string; file: string; line: number; message: string }

function lintJson(args: string[], input?: string): { status: number | null; findings: JsonFinding[]; objects: number; stderr: string } {
  const run = runCli(['lint', '--no-config', '-f', 'json', ...args], { input });
  const report = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: { objects: number } }) : { findings: [], summary: { objects: 0 } };
  return { status: run.status, findings: report.findings, objects: report.summary.objects, stderr: run.stderr };
}

const canMakeFifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
const isRoot = process.getuid?.() === 0;

describe('input a directory walk cannot read is a finding, never skipped in silence', () => {
  it('a dangling symlink and a symlink loop named like manifests are invalid-yaml findings; the real file is still linted', () => {
    const dir = tempTree({ 'ok.yaml': configMap('ok') });
    symlinkSync('gone.yaml', path.join(dir, 'dangling.yaml'));
    symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    symlinkSync('gone', path.join(dir, 'README')); // not a manifest name: nothing would have been linted there
    const run = lintJson([dir]);
    expect(run.status).toBe(1);
    expect(run.objects).toBe(1);
    const byFile = Object.fromEntries(run.findings.map((f) => [path.basename(f.file), `${f.ruleId}: ${f.message}`]));
    expect(byFile).toEqual({
      'dangling.yaml': expect.stringMatching(/^invalid-yaml: dangling symlink: its target "gone.yaml" does not exist/),
      'loop-a.yaml': expect.stringMatching(/^invalid-yaml: symlink loop \(ELOOP\)/),
      'loop-b.yaml': expect.stringMatching(/^invalid-yaml: symlink loop \(ELOOP\)/),
    });
  });

  it.skipIf(!canMakeFifo)('a FIFO named x.yaml is a finding and is never opened (the run does not block)', () => {
    const dir = tempTree({ 'ok.yaml': configMap('ok') });
    expect(spawnSync('mkfifo', [path.join(dir, 'x.yaml')]).status).toBe(0);
    const run = lintJson([dir]);
    expect(run.status).toBe(1);
    expect(run.findings.map((f) => [path.basename(f.file), f.ruleId, f.line])).toEqual([['x.yaml', 'invalid-yaml', 1]]);
    expect(run.findings[0].message).toMatch(/not a regular file \(a FIFO\)/);
  });

  // Root lists a chmod-000 folder anyway, so as root the CLI runs as the user nobody (65534).
  const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
  const runAsUser = (args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/kubeknit.js'), ...args], { encoding: 'utf8', cwd: tmpdir(), env: { ...process.env, NO_COLOR: '1' }, ...asUser });
  const userCanRun = process.platform !== 'win32' && runAsUser(['--version']).status === 0;

  it.skipIf(!userCanRun)('a folder it may not list is a finding at the folder; named on the command line, it exits 2', () => {
    const dir = tempTree({ 'ok.yaml': configMap('ok'), 'locked/hidden.yaml': configMap('hidden') });
    chmodSync(dir, 0o755);
    chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      const run = runAsUser(['lint', '--no-config', '-f', 'json', dir]);
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: { objects: number } };
      expect(report.summary.objects).toBe(1);
      expect(report.findings.map((f) => [path.basename(f.file), f.ruleId, f.message])).toEqual([
        ['locked', 'invalid-yaml', 'cannot read folder (EACCES), so the manifests in it, if any, were not linted'],
      ]);
      const named = runAsUser(['lint', '--no-config', path.join(dir, 'locked')]);
      expect(named.status).toBe(2);
      expect(named.stderr).toMatch(/cannot read directory .*locked \(EACCES\)/);
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });
});

describe('what is named on the command line and cannot be read exits 2', () => {
  it.skipIf(!canMakeFifo)('a FIFO, a symlink loop, a dangling symlink and a character device each exit 2 with what they are', () => {
    const dir = tempTree({});
    spawnSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    symlinkSync('loop-b.yaml', path.join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'loop-b.yaml'));
    symlinkSync('gone.yaml', path.join(dir, 'dangling.yaml'));
    const cases: Array<[string, RegExp]> = [
      [path.join(dir, 'pipe.yaml'), /not a regular file or directory \(a FIFO\)/],
      [path.join(dir, 'loop-a.yaml'), /symlink loop \(ELOOP\)/],
      [path.join(dir, 'dangling.yaml'), /dangling symlink: its target "gone.yaml" does not exist/],
      ['/dev/null', /not a regular file or directory \(a character device\)/],
    ];
    for (const [input, message] of cases) {
      const run = runCli(['lint', '--no-config', input]);
      expect(run.status, input).toBe(2);
      expect(run.stderr, input).toMatch(message);
    }
  });

  it('empty standard input exits 2 for lint and graph, like an empty directory; a manifest on standard input is linted', () => {
    for (const input of ['', '\n  \n']) {
      const run = runCli(['lint', '--no-config', '-'], { input });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/standard input \("-"\) is empty/);
    }
    expect(runCli(['lint', '--no-config', '-'], { input: configMap('fine') }).status).toBe(0);
    const graph = runCli(['graph', '--no-config', '-'], { input: '' });
    expect(graph.status).toBe(2);
    expect(graph.stderr).toMatch(/standard input \("-"\) is empty/);
  });
});

describe('a custom resource whose metadata key is misspelled', () => {
  it('is an invalid-object finding that names the key, not an object lost from the count; component configuration stays silent', () => {
    const dir = tempTree({
      'widgets.yaml': [
        'apiVersion: example.com/v1\nkind: Widget\nmetdata: {name: w}\n',
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ok}\n',
        'apiVersion: example.com/v1\nkind: Gadget\nspec: {size: 3}\n',
      ].join('---\n'),
      'ok.yaml': configMap('ok'),
      // Component configuration has no metadata by design: skipped in a directory walk, as before.
      'kind-cluster.yaml': 'apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes:\n- role: control-plane\n',
    });
    const run = lintJson([dir, '--rule', 'unknown-kind=off']);
    expect(run.objects).toBe(2);
    const invalid = run.findings.filter((f) => f.ruleId === 'invalid-object').map((f) => [path.basename(f.file), f.line, f.message]);
    expect(invalid).toEqual([
      ['widgets.yaml', 3, expect.stringMatching(/missing "metadata.name" \(found "metdata": a misspelling of "metadata"\?\)/)],
      ['widgets.yaml', 9, expect.stringMatching(/^missing "metadata.name"; /)],
    ]);
    expect(run.findings.filter((f) => f.file.endsWith('kind-cluster.yaml'))).toEqual([]);
  });
});
