import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubeknitVersion } from '../../src/cli/version.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata: {name: root, namespace: shop}
spec:
  hostPID: true
  containers: [{name: c, image: nginx:1.27, securityContext: {privileged: true}}]
`;

function workspace(): { dir: string; home: string; manifest: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-cache-attack-'));
  const home = path.join(dir, 'home-cache');
  const manifest = path.join(dir, 'repo', 'pod.yaml');
  mkdirSync(path.dirname(manifest), { recursive: true });
  writeFileSync(manifest, PRIVILEGED);
  return { dir, home, manifest };
}

function lint(args: string[], cwd: string, home: string) {
  const run = runCli(['lint', '--format', 'json', '--no-config', ...args], { cwd, env: { XDG_CACHE_HOME: home } });
  return { ...run, ruleIds: run.stdout ? (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId) : [] };
}

describe('the --cache folder from a hostile repository', () => {
  it('symlinks planted in the cache folder are replaced, never written through', () => {
    const { dir, home, manifest } = workspace();
    const cacheDir = path.join(dir, 'repo', '.kubeknit-cache');
    mkdirSync(cacheDir);
    const victim = path.join(dir, 'victim.sh');
    writeFileSync(victim, '#!/bin/sh\necho untouched\n');
    // the cache files themselves and every temporary name the old code used
    for (const name of ['parsed-files.bin', 'schema-results.bin']) symlinkSync(victim, path.join(cacheDir, name));
    for (let pid = 1; pid < 200; pid++) symlinkSync(victim, path.join(cacheDir, `parsed-files.bin.${pid}.tmp`));
    const run = lint(['--cache-location', cacheDir, manifest], dir, home);
    expect(run.status).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('#!/bin/sh\necho untouched\n');
    expect(lstatSync(path.join(cacheDir, 'parsed-files.bin')).isFile()).toBe(true); // the symlink itself was replaced
  });

  it('a cache folder that is a symlink is not used', () => {
    const { dir, home, manifest } = workspace();
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(dir, 'repo', 'cache-link'));
    expect(lint(['--cache-location', path.join(dir, 'repo', 'cache-link'), manifest], dir, home).status).toBe(1);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a cache file committed to the repository (made with another secret) cannot hide findings', () => {
    const { dir, home, manifest } = workspace();
    const cacheDir = path.join(dir, 'repo', 'committed-cache');
    // The attacker builds a valid-looking cache on their own machine: the privileged Pod's text → no objects.
    const attackerHome = path.join(dir, 'attacker-cache');
    const script = `
      process.env.XDG_CACHE_HOME = ${JSON.stringify(attackerHome)};
      const { ParseCache } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/src/load/cache.js'))});
      const v8 = await import('node:v8');
      const cache = new ParseCache(${JSON.stringify(cacheDir)}, ${JSON.stringify(kubeknitVersion())});
      cache.set(ParseCache.key(${JSON.stringify(manifest)}, ${JSON.stringify(PRIVILEGED)}), v8.serialize({ parsed: { file: ${JSON.stringify(manifest)}, objects: [], problems: [], documents: 1 } }));
      cache.save();`;
    expect(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stderr).toBe('');
    expect(existsSync(path.join(cacheDir, 'parsed-files.bin'))).toBe(true);
    // On the attacker's machine the forged cache is believed: the attack is real…
    expect(lint(['--cache-location', cacheDir, manifest], dir, attackerHome).ruleIds).not.toContain('privileged-container');
    // …and on anyone else's, it is a miss: the Pod is linted.
    const run = lint(['--cache-location', cacheDir, manifest], dir, home);
    expect(run.status).toBe(1);
    expect(run.ruleIds).toEqual(expect.arrayContaining(['privileged-container', 'host-namespaces']));
  });

  it('a corrupt cache is a miss, not an internal error on every run', () => {
    const { dir, home, manifest } = workspace();
    const cacheDir = path.join(dir, 'cache');
    expect(lint(['--cache-location', cacheDir, manifest], dir, home).status).toBe(1);
    for (const name of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, name), Buffer.from('garbage, not v8'));
    for (let i = 0; i < 2; i++) {
      const run = lint(['--cache-location', cacheDir, manifest], dir, home);
      expect(run.stderr).toBe('');
      expect(run.ruleIds).toContain('privileged-container');
    }
  });

  it('by default the cache lives in the user cache folder, keyed by repository, and nothing is written in the working tree', () => {
    const { home, manifest } = workspace();
    const repo = path.dirname(manifest);
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'node_modules'));
    expect(lint(['--cache', 'pod.yaml'], repo, home).status).toBe(1);
    expect(readdirSync(repo).sort()).toEqual(['.git', 'node_modules', 'pod.yaml']);
    expect(readdirSync(path.join(repo, 'node_modules'))).toEqual([]);
    const folders = readdirSync(path.join(home, 'kubeknit')).filter((f) => f !== 'secret');
    expect(folders).toHaveLength(1);
    expect(readdirSync(path.join(home, 'kubeknit', folders[0]))).toContain('parsed-files.bin');
  });

  it.skipIf(!existsSync('/proc/self'))('--cache-location under /proc finishes (the cache is skipped) instead of spinning', () => {
    const { dir, home, manifest } = workspace();
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/kubeknit.js'), 'lint', '--no-config', '--cache-location', '/proc/kubeknit-x', manifest], { cwd: dir, env: { ...process.env, XDG_CACHE_HOME: home }, encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
  });
});
