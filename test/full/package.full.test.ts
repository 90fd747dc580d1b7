import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, startLsp } from '../helpers/lsp-client.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * The published package as a user gets it: `npm pack` (prepack builds), installed in an empty project
 * without devDependencies, then lint, graph -f svg and lsp run from there. Offline: npm takes the
 * dependencies from its cache, or, when they are not cached, from copies of this checkout's
 * production dependencies put in place first.
 */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const temp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-pack-'));
const project = path.join(temp, 'project');
const bin = path.join(project, 'node_modules/kubeknit/bin/kubeknit.js');
let installLog = '';

function npm(args: string[], cwd: string): { status: number | null; output: string } {
  const run = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** The production dependency closure of this checkout, as top-level package folders of node_modules. */
function productionPackages(): string[] {
  const listed = execFileSync(NPM, ['ls', '--omit=dev', '--all', '--parseable'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim().split('\n');
  const marker = `${path.sep}node_modules${path.sep}`;
  const names = listed.filter((p) => p.includes(marker)).map((p) => {
    const parts = p.slice(p.indexOf(marker) + marker.length).split(path.sep);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  });
  return [...new Set(names)];
}

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the packed package, installed without devDependencies', () => {
  beforeAll(() => {
    const packed = npm(['pack', '--pack-destination', temp], REPO_ROOT);
    expect(packed.status, packed.output).toBe(0);
    expect(existsSync(path.join(REPO_ROOT, '.package.json.before-pack')), 'postpack put package.json back').toBe(false);
    const tarball = path.join(temp, readdirSync(temp).find((f) => f.endsWith('.tgz'))!);
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), '{ "name": "uses-kubeknit", "private": true }\n');
    cpSync(path.join(REPO_ROOT, 'examples'), path.join(project, 'examples'), { recursive: true });
    let install = npm(['install', '--offline', '--omit=dev', tarball], project);
    if (install.status !== 0 && /ENOTCACHED/.test(install.output)) {
      for (const name of productionPackages()) cpSync(path.join(REPO_ROOT, 'node_modules', name), path.join(project, 'node_modules', name), { recursive: true, dereference: true });
      install = npm(['install', '--offline', '--omit=dev', tarball], project);
    }
    expect(install.status, install.output).toBe(0);
    installLog = install.output;
  }, 600_000);

  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('has no install script for the user to approve, and no devDependency', () => {
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/kubeknit/package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[script], script).toBeUndefined();
    expect(installLog).not.toMatch(/install-scripts|kubeknit@[^\n]*prepare/);
    for (const dev of ['typescript', 'vitest', 'esbuild', 'eslint']) expect(existsSync(path.join(project, 'node_modules', dev)), dev).toBe(false);
  });

  it('lint: the examples\' three errors', () => {
    const lint = run('lint', 'examples/', '-f', 'json');
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    expect(JSON.parse(lint.stdout).summary).toMatchObject({ errors: 3 });
  });

  it('graph -f svg: a picture (Graphviz as WebAssembly, from the package\'s dependencies)', () => {
    const graph = run('graph', 'examples/', '-f', 'svg');
    expect(graph.stderr).toBe('');
    expect(graph.status).toBe(0);
    expect(graph.stdout).toMatch(/<svg[\s\S]*Service[\s\S]*<\/svg>/);
  });

  it('lsp: diagnostics for the workspace', async () => {
    const session = await startLsp(project, {}, bin);
    try {
      const diagnostics = await session.waitForDiagnostics(fileUri(project, 'examples/shop/database.yaml'), (d) => d.length > 0, 60_000);
      expect(diagnostics.map((d) => d.code)).toContain('dangling-service-selector');
    } finally {
      await session.stop();
    }
  }, 90_000);
});
