import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
if (!hasUnzip) console.warn('skipping the .vsix contents test: `unzip` is not installed');

describe.skipIf(!hasUnzip)('the VS Code extension package (npm run package:vscode)', () => {
  it('builds a .vsix offline whose manifest, client and bundled server work', () => {
    const printed = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/package-vscode.js')], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 });
    const vsix = path.resolve(REPO_ROOT, printed.trim());
    const out = mkdtempSync(path.join(tmpdir(), 'kk-vsix-'));
    execFileSync('unzip', ['-q', vsix, '-d', out]);
    const extension = path.join(out, 'extension');

    const manifest = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8'));
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:yaml', 'workspaceContains:**/.kubeknit.yaml']));
    expect(manifest.contributes.commands.map((c: { command: string }) => c.command)).toContain('kubeknit.showGraph');
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual(['kubeknit.enable', 'kubeknit.kubernetesVersion', 'kubeknit.path', 'kubeknit.preset']);
    const client = readFileSync(path.join(extension, 'dist/extension.js'), 'utf8');
    expect(client).toContain('require("vscode")'); // provided by the editor, not bundled
    expect(client).toContain('kubeknit/graphPage');

    // The bundled server is a complete kubeknit: it lints (exit 1 on the examples' errors) and draws SVG.
    const server = path.join(extension, 'server/bin/kubeknit.js');
    const lint = spawnSync(process.execPath, [server, 'lint', path.join(REPO_ROOT, 'examples'), '--no-config', '-f', 'json'], { encoding: 'utf8' });
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dangling-service-selector');
    const svg = spawnSync(process.execPath, [server, 'graph', path.join(REPO_ROOT, 'examples'), '--no-config', '-f', 'svg'], { encoding: 'utf8' });
    expect(svg.status).toBe(0);
    expect(svg.stdout).toContain('<svg');
  }, 180_000);
});
