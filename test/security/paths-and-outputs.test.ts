import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { findConfigFile } from '../../src/index.js';
import { escapeMarkdown } from '../../src/report/escape.js';
import { REPORTERS } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'kubeknit-paths-'));

describe('paths from the input', () => {
  it('apiVersion: ../outside/v1 with --schema-location reads nothing outside the schema folder', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'schemas'));
    mkdirSync(path.join(dir, 'outside'));
    writeFileSync(path.join(dir, 'outside', 'secret_v1.json'), 'TOP-SECRET-FIRST-LINE\n');
    writeFileSync(path.join(dir, 'cr.yaml'), 'apiVersion: ../outside/v1\nkind: Secret\nmetadata: {name: x, namespace: y}\n');
    const run = runCli(['lint', '--no-config', '--schema-location', path.join(dir, 'schemas'), '-f', 'json', path.join(dir, 'cr.yaml')]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('TOP-SECRET');
    expect(run.status).not.toBe(null);
  });

  it('schemas import --kube-version ../escaped is refused, and nothing is written outside --out', () => {
    const dir = temp();
    mkdirSync(path.join(dir, 'out'));
    mkdirSync(path.join(dir, 'openapi'));
    const run = runCli(['schemas', 'import', path.join(dir, 'openapi'), '--out', path.join(dir, 'out'), '--kube-version', '../escaped']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--kube-version takes a version like 1\.35/);
    expect(readdirSync(dir).sort()).toEqual(['openapi', 'out']);
  });

  it('outside a git repository the config search stays in the starting folder (a config planted above does not apply)', () => {
    const dir = temp();
    writeFileSync(path.join(dir, '.kubeknit.yaml'), 'preset: all\n');
    mkdirSync(path.join(dir, 'project'));
    expect(findConfigFile(path.join(dir, 'project'))).toBeUndefined();
    expect(findConfigFile(dir)).toBe(path.join(dir, '.kubeknit.yaml'));
    // inside a repository the search still climbs to the root
    mkdirSync(path.join(dir, 'project', '.git'));
    mkdirSync(path.join(dir, 'project', 'sub'));
    writeFileSync(path.join(dir, 'project', '.kubeknit.yaml'), 'preset: all\n');
    expect(findConfigFile(path.join(dir, 'project', 'sub'))).toBe(path.join(dir, 'project', '.kubeknit.yaml'));
  });
});

describe('text from the input, escaped per output channel', () => {
  const finding = (message: string, name: string) => ({
    ruleId: 'x', severity: 'error' as const, message, file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 1,
    object: { apiVersion: 'v1', kind: 'Pod', namespace: 'n', name },
  });

  it('SARIF message.text keeps [x](url) as literal text, not a link', () => {
    const text = REPORTERS.sarif({ findings: [finding('Pod "[click](https://evil.example)" is bad', 'p')], summary: { files: 1, objects: 1, errors: 1, warnings: 0, infos: 0 } }, { color: false, rootDir: '/' });
    const message = (JSON.parse(text) as { runs: Array<{ results: Array<{ message: { text: string } }> }> }).runs[0].results[0].message.text;
    expect(message).toBe('Pod "\\[click\\](https://evil.example)" is bad');
  });

  it('hover Markdown cannot carry links or images from names', () => {
    const escaped = escapeMarkdown('![x](https://evil.example/track.png) [a](http://x) <img src=x>');
    expect(escaped).not.toMatch(/(?<!\\)\[|(?<!\\)\]\(|(?<!\\)</);
  });

  it('stderr shows control characters from the input as escapes (no terminal-title escape, no lone CR)', () => {
    const dir = temp();
    const name = path.join(dir, 'evil\u001b]0;pwned\u0007\rname.yaml');
    const run = runCli(['lint', '--no-config', name]); // a missing file named on the command line: exit 2 naming it
    expect(run.status).toBe(2);
    expect([...run.stderr].some((ch) => ch === "\u0007" || ch === "\u001b" || ch === "\r")).toBe(false);
    expect(run.stderr).toContain('\\u001b');
  });

  it('control characters and NUL in names keep the SVG valid XML', () => {
    const dir = temp();
    const file = path.join(dir, 'x.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "a\\0b\\u0007c\\u001bd", namespace: "n\\x01"}\n');
    const run = runCli(['graph', '--no-config', '-f', 'svg', file]);
    expect(run.status).toBe(0);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
  });
});

describe('a closed stdout pipe', () => {
  it.skipIf(process.platform === 'win32')('graph … | head exits with the run\'s status and no stack trace', () => {
    const dir = temp();
    const file = path.join(dir, 'many.yaml');
    writeFileSync(file, Array.from({ length: 400 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: x}\n`).join('---\n'));
    const bin = path.join(REPO_ROOT, 'bin/kubeknit.js');
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" graph --no-config -f dot "${file}" | head -c 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('status=0\n');
  });
});

describe('names of Object.prototype members on the command line', () => {
  it('-f toString is an unknown format (exit 2), not "[object Object]"', () => {
    const lintRun = runCli(['lint', '--no-config', '-f', 'toString', 'examples']);
    expect(lintRun.status).toBe(2);
    expect(lintRun.stderr).toMatch(/unknown format "toString"/);
    const graphRun = runCli(['graph', '--no-config', '-f', 'constructor', 'examples']);
    expect(graphRun.status).toBe(2);
    expect(graphRun.stderr).toMatch(/unknown graph format "constructor"/);
  });
});
