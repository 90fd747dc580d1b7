import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeKubernetesManifest } from '../../editors/vscode/src/manifest.js';
import { needsRestart, readSettings, serverLaunch, DEFAULT_SETTINGS, type LaunchContext } from '../../editors/vscode/src/server-launch.js';

const context = (over: Partial<LaunchContext> = {}, files: string[] = []): LaunchContext => ({
  settings: DEFAULT_SETTINGS,
  workspaceFolders: ['/repo'],
  bundledScript: '/ext/server/bin/kubeknit.js',
  nodeExecutable: '/opt/vscode/code',
  platform: 'linux',
  isFile: (file) => files.includes(file),
  ...over,
});

describe('VS Code extension: which server it starts', () => {
  it("prefers the workspace's node_modules/.bin/kubeknit, so the team's pinned version applies", () => {
    const launch = serverLaunch(context({}, [path.join('/repo', 'node_modules', '.bin', 'kubeknit')]));
    expect(launch).toMatchObject({ source: 'workspace', command: path.join('/repo', 'node_modules', '.bin', 'kubeknit'), args: ['lsp', '--stdio'], env: {} });
  });

  it('looks in every workspace folder, in order, and uses the .cmd shim on Windows', () => {
    const shim = path.join('/second', 'node_modules', '.bin', 'kubeknit.cmd');
    const launch = serverLaunch(context({ workspaceFolders: ['/first', '/second'], platform: 'win32' }, [shim, path.join('/first', 'node_modules', '.bin', 'kubeknit')]));
    expect(launch.command).toBe(shim);
  });

  it('falls back to the bundled copy, run by the editor\'s own runtime as plain Node', () => {
    const launch = serverLaunch(context());
    expect(launch).toMatchObject({ source: 'bundled', command: '/opt/vscode/code', args: ['/ext/server/bin/kubeknit.js', 'lsp', '--stdio'], env: { ELECTRON_RUN_AS_NODE: '1' } });
  });

  it('the kubeknit.path setting wins over both', () => {
    const launch = serverLaunch(context({ settings: { ...DEFAULT_SETTINGS, path: '/usr/local/bin/kubeknit' } }, [path.join('/repo', 'node_modules', '.bin', 'kubeknit')]));
    expect(launch).toMatchObject({ source: 'setting', command: '/usr/local/bin/kubeknit' });
  });

  it('passes the preset and Kubernetes version to the server only when they are valid', () => {
    expect(serverLaunch(context({ settings: { ...DEFAULT_SETTINGS, preset: 'strict', kubernetesVersion: '1.33' } })).initializationOptions).toEqual({ preset: 'strict', kubernetesVersion: '1.33' });
    expect(serverLaunch(context({ settings: { ...DEFAULT_SETTINGS, preset: 'paranoid', kubernetesVersion: 'latest' } })).initializationOptions).toEqual({});
  });
});

describe('VS Code extension: settings', () => {
  it('reads well-typed values and ignores the rest', () => {
    const values: Record<string, unknown> = { enable: false, path: ' /bin/kk ', preset: 42, kubernetesVersion: '1.32' };
    expect(readSettings((key) => values[key])).toEqual({ enable: false, path: '/bin/kk', preset: '', kubernetesVersion: '1.32' });
    expect(readSettings(() => undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('restarts the server when a setting it was started with changes', () => {
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toBe(false);
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, preset: 'all' })).toBe(true);
    expect(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, enable: false })).toBe(true);
  });
});

describe('VS Code extension: activation', () => {
  it('recognises Kubernetes manifests in YAML and JSON, and not other YAML', () => {
    expect(looksLikeKubernetesManifest('# app\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n')).toBe(true);
    expect(looksLikeKubernetesManifest('{"apiVersion": "v1", "kind": "List", "items": []}')).toBe(true);
    expect(looksLikeKubernetesManifest('name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n')).toBe(false);
    expect(looksLikeKubernetesManifest('version: "3"\nservices:\n  web:\n    image: nginx\n    kind: web\n')).toBe(false);
  });
});
