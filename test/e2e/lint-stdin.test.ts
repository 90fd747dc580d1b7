import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SERVICE = (app: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: extra, namespace: shop}\nspec:\n  selector:\n    app.kubernetes.io/name: ${app}\n`;

describe('kubeknit lint --stdin --stdin-filename (built CLI)', () => {
  it('lints the text with the workspace on disk and reports only that file', () => {
    // The web Deployment lives in examples/shop/web.yaml: the stdin Service selects it.
    const matching = runCli(['lint', '--stdin', '--stdin-filename', 'shop/extra.yaml', '-f', 'json'], { cwd: 'examples', input: SERVICE('web') });
    expect(matching.stderr).toBe('');
    expect(JSON.parse(matching.stdout).findings).toEqual([]); // database.yaml's own findings are not reported
    expect(matching.status).toBe(0);

    const dangling = runCli(['lint', '--stdin', '--stdin-filename', 'shop/extra.yaml', '-f', 'json'], { cwd: 'examples', input: SERVICE('no-such-app') });
    expect(dangling.status).toBe(1);
    const findings = JSON.parse(dangling.stdout).findings;
    expect(findings.map((f: { ruleId: string; file: string; line: number }) => [f.ruleId, f.file, f.line])).toEqual([['dangling-service-selector', 'shop/extra.yaml', 5]]);
  });

  it('replaces the file on disk with the text, and uses the folder of .kubeknit.yaml as the workspace', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kk-stdin-'));
    mkdirSync(path.join(root, '.git')); // outside a repository the config search stays in the starting folder
    mkdirSync(path.join(root, 'apps'));
    writeFileSync(path.join(root, '.kubeknit.yaml'), 'ignore: []\n');
    writeFileSync(path.join(root, 'deploy.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app.kubernetes.io/name: web}\n');
    writeFileSync(path.join(root, 'apps/svc.yaml'), SERVICE('stale-on-disk'));
    // Run from the sub-folder: the config's folder (with deploy.yaml) is still the workspace.
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'svc.yaml', '-f', 'json'], { cwd: path.join(root, 'apps'), input: SERVICE('web') });
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.status).toBe(0);
    const onDisk = runCli(['lint', '-f', 'json'], { cwd: root });
    const diskFindings = JSON.parse(onDisk.stdout).findings.filter((f: { file: string }) => f.file === 'apps/svc.yaml');
    expect(diskFindings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['dangling-service-selector']);
  });

  it('applies the config file of the folder the stdin file is in, not of the current folder', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kk-stdin-config-'));
    mkdirSync(path.join(root, '.git'));
    mkdirSync(path.join(root, 'team'));
    writeFileSync(path.join(root, 'team/.kubeknit.yaml'), 'rules:\n  dangling-service-selector: "off"\n');
    const run = runCli(['lint', '--stdin', '--stdin-filename', 'team/svc.yaml', '-f', 'json'], { cwd: root, input: SERVICE('no-such-app') });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).findings).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('--stdin without --stdin-filename is a usage error', () => {
    const run = runCli(['lint', '--stdin'], { input: SERVICE('web') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--stdin needs --stdin-filename');
  });
});
