import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readManifestFile } from '../../src/load/read.js';
import { runCli } from '../helpers/cli.js';

interface JsonFinding { ruleId: string; file: string; line: number; column: number; message: string; severity: string }

const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-hostile-'));
const file = (name: string, content: string | Buffer) => {
  const full = path.join(dir, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
};

function lintJson(args: string[], input?: string): { status: number | null; stderr: string; findings: JsonFinding[] } {
  const run = runCli(['lint', ...args, '--format', 'json'], { input });
  expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  expect([0, 1, 2]).toContain(run.status);
  return { status: run.status, stderr: run.stderr, findings: run.stdout ? (JSON.parse(run.stdout).findings as JsonFinding[]) : [] };
}

const ok = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n';

describe('hostile and broken input', () => {
  beforeAll(() => {
    file('ok.yaml', ok);
  });

  // How quickly: bench/alias-bomb.js.
  it('an alias bomb is refused with invalid-yaml, and other files are still linted', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = file('bomb/bomb.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    file('bomb/ok.yaml', ok.replace('fine', 'next-to-bomb'));
    const { findings, status } = lintJson([path.dirname(bomb)]);
    expect(status).toBe(1);
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'invalid-yaml', file: bomb })]);
  });

  it('10,000-deep nesting is a finding, not a stack overflow', () => {
    const deep = file('deep.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    const { findings, status } = lintJson([deep]);
    expect(status).toBe(1);
    expect(findings).toMatchObject([{ ruleId: 'invalid-yaml', message: expect.stringMatching(/nests too deeply|deeper than/) }]);
  });

  it('a file above --max-file-size is not read whole: file-too-large', () => {
    const big = file('big.yaml', `${ok}data:\n${'  k: v\n'.replace('k', 'key').repeat(1)}${Array.from({ length: 2000 }, (_, i) => `  k${i}: v\n`).join('')}`);
    const { findings } = lintJson([big, '--max-file-size', '1000']);
    expect(findings).toMatchObject([{ ruleId: 'file-too-large', line: 1, message: expect.stringContaining('--max-file-size') }]);
  });

  it('a binary file named .yaml is one finding', () => {
    const bin = file('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const { findings } = lintJson([bin]);
    expect(findings).toMatchObject([{ ruleId: 'invalid-yaml', message: expect.stringContaining('binary') }]);
  });

  it('a directory symlink loop is walked once', () => {
    file('loop/a.yaml', ok.replace('fine', 'in-loop'));
    symlinkSync(path.join(dir, 'loop'), path.join(dir, 'loop/again'));
    const run = runCli(['lint', path.join(dir, 'loop'), '--format', 'json']);
    expect(JSON.parse(run.stdout).summary.objects).toBe(1);
  });

  it('encodings and layouts keep exact positions: BOM, UTF-16, CRLF, tabs, JSON, flow, anchors and merge keys', () => {
    const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: nothing}\n`;
    file('enc/bom.yaml', `\ufeff${svc('bom')}`);
    file('enc/utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(svc('utf16'), 'utf16le')]));
    file('enc/crlf.yaml', svc('crlf').replace(/\n/g, '\r\n'));
    file('enc/tabs.yaml', `${svc('tabs').replace('{app: nothing}', '{app: "tab\there"}')}`);
    file('enc/svc.json', JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'json' }, spec: { selector: { app: 'nothing' } } }, null, 2));
    file('enc/merge.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: merge\nbase: &base\n  selector: {app: nothing}\nspec:\n  <<: *base\n');
    file('enc/invalid-utf8.yaml', Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]));
    const { findings } = lintJson([path.join(dir, 'enc')]);
    // Only the relationship finding and parse problems matter here (merge.yaml's anchor holder is an unknown field to the schema).
    const at = (name: string) => findings.filter((f) => f.file.endsWith(name) && ['dangling-service-selector', 'invalid-yaml'].includes(f.ruleId)).map((f) => `${f.ruleId}@${f.line}:${f.column}`);
    for (const name of ['bom.yaml', 'utf16.yaml', 'crlf.yaml', 'tabs.yaml']) expect(at(name), name).toEqual(['dangling-service-selector@6:3']);
    expect(at('svc.json')).toEqual(['dangling-service-selector@8:5']);
    expect(at('merge.yaml')).toEqual(['dangling-service-selector@6:3']); // found through <<, where the anchor defines it
    expect(at('invalid-utf8.yaml')).toEqual(['invalid-yaml@5:1']);
  });

  it('an unrendered Helm template is one finding that says to run helm template', () => {
    const tpl = file('chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\nspec:\n  replicas: {{ .Values.replicas }}\n');
    const { findings } = lintJson([tpl]);
    expect(findings).toMatchObject([{ ruleId: 'unrendered-template', line: 4, message: expect.stringContaining('helm template') }]);
  });

  it('a kustomization.yaml is skipped with an info finding (--kustomize skip)', () => {
    const k = file('overlay/kustomization.yaml', 'resources:\n  - ../base\npatches:\n  - path: patch.yaml\n');
    const { findings, status } = lintJson([k, '--kustomize', 'skip']);
    expect(status).toBe(0);
    expect(findings).toMatchObject([{ ruleId: 'kustomization-skipped', severity: 'info', message: expect.stringContaining('kustomize build') }]);
  });

  it('a path that does not exist is exit 2 naming it', () => {
    const run = runCli(['lint', path.join(dir, 'nope.yaml')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('nope.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unreadable file is a finding and the run goes on', () => {
    // Root reads any file whatever its mode, so a directory stands in for a file that cannot be read.
    const result = readManifestFile(dir);
    expect(result).toMatchObject({ problem: { kind: 'unreadable', file: dir, message: expect.stringContaining('cannot read') } });
  });

  it('YAML tags that other loaders execute are only data here', () => {
    const marker = path.join(dir, 'pwned');
    const evil = file('tags.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: tags}\ndata:\n  a: !!js/function 'function () { require("fs").writeFileSync("${marker}", "x") }'\n  b: !!python/object/apply:os.system ["touch ${marker}"]\n  c: !<tag:yaml.org,2002:js/undefined> ''\n`);
    const { status, findings } = lintJson([evil]);
    expect(status).toBe(1);
    // The tagged values are kept as the data they are; the schema sees them as strings, not code.
    expect(findings.every((f) => f.ruleId !== 'invalid-yaml')).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('names with newlines and ANSI escapes cannot forge stylish output', () => {
    const name = 'evil\u001b[2J\u001b[31m\nkubeknit: all clear';
    const run = runCli(['lint', '-', '--stdin-filename', 'x\u001b[0m.yaml'], { input: `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  selector: {app: nothing}\n` });
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('\\u001b[2J');
    expect(run.stdout.split('\n').some((l) => l.startsWith('kubeknit: all clear'))).toBe(false);
    const json = runCli(['lint', '-', '--format', 'json'], { input: `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  selector: {app: nothing}\n` });
    expect(JSON.parse(json.stdout).findings[0].object.name).toBe(name);
  });
});
