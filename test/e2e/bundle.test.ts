import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const BUNDLE = path.join(REPO_ROOT, 'dist/bundle/kubeknit.js');
const COMPILED = path.join(REPO_ROOT, 'dist/src/cli/main.js');
const temp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs tsc's output of the CLI (dist/src), which bin/kubeknit.js runs when the bundle is missing or older. */
function runCompiled(args: string[]): CliRun {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(COMPILED).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the bundled CLI (dist/bundle, built by scripts/bundle.js)', () => {
  it('is what bin/kubeknit.js runs after a build (the test setup bundles after tsc)', () => {
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThanOrEqual(statSync(COMPILED).mtimeMs);
  });

  it('reports exactly what tsc\'s output reports: lint JSON, graph JSON and the exit status', () => {
    for (const args of [['lint', 'examples/', '--no-config', '-f', 'json'], ['graph', 'examples/', '-f', 'json']]) {
      const bundled = runCli(args);
      const compiled = runCompiled(args);
      expect(bundled.stderr).toBe('');
      expect(bundled.stdout.length).toBeGreaterThan(100);
      expect(bundled).toEqual(compiled);
    }
  });

  it('parses in a worker thread with --jobs 2 (the worker bundle sits where src/load/parallel.ts looks for it)', () => {
    const profiles = path.join(temp, 'profiles');
    // --cpu-prof writes one profile per thread: more than one means a worker ran.
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, path.join(REPO_ROOT, 'bin/kubeknit.js'), 'lint', 'examples/', '--no-config', '-f', 'json', '--jobs', '2'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).summary.files).toBe(5);
    expect(readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile')).length).toBeGreaterThanOrEqual(2);
  });

  it('loads ajv from its one-file copy in dist/bundle/node_modules, not from ~40 files', () => {
    const fromBundle = createRequire(BUNDLE).resolve('ajv');
    expect(fromBundle).toBe(path.join(REPO_ROOT, 'dist/bundle/node_modules/ajv/ajv.js'));
    const ajv = createRequire(BUNDLE)('ajv') as { default: new () => { compile(schema: object): (data: unknown) => boolean } };
    const validate = new ajv.default().compile({ type: 'object', required: ['kind'] });
    expect([validate({ kind: 'Pod' }), validate({})]).toEqual([true, false]);
    // Stamps of generated or cached schema work name ajv's version: the copy must name the installed one.
    const installed = createRequire(path.join(REPO_ROOT, 'package.json'))('ajv/package.json') as { version: string };
    expect((createRequire(BUNDLE)('ajv/package.json') as { version: string }).version).toBe(installed.version);
  });

  it('gives a usage error for a command name that only an object prototype has', () => {
    const run = runCli(['toString']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kubeknit: unknown command "toString"; commands: lint, rules, graph, lsp, schemas, baseline, diff (see kubeknit --help)\n');
  });
});

describe('bin/kubeknit.js chooses between the bundle and tsc\'s output', () => {
  // A stand-in package: the real bin/kubeknit.js beside a fake bundle and a fake tsc output.
  const pkg = path.join(temp, 'pkg');
  const fakeMain = (name: string) => `export function usePlainEnvironment() {}\nexport async function main(argv) { process.stdout.write('${name} ' + argv.join(' ')); return 3; }\n`;
  mkdirSync(path.join(pkg, 'bin'), { recursive: true });
  mkdirSync(path.join(pkg, 'dist/bundle'), { recursive: true });
  mkdirSync(path.join(pkg, 'dist/src/cli'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), '{"type": "module"}\n');
  copyFileSync(path.join(REPO_ROOT, 'bin/kubeknit.js'), path.join(pkg, 'bin/kubeknit.js'));
  writeFileSync(path.join(pkg, 'dist/bundle/kubeknit.js'), fakeMain('bundle'));
  writeFileSync(path.join(pkg, 'dist/src/cli/main.js'), fakeMain('compiled'));
  const now = Date.now();
  const touch = (file: string, secondsAgo: number) => {
    const when = new Date(now - secondsAgo * 1000);
    utimesSync(path.join(pkg, file), when, when);
  };
  const runBin = () => spawnSync(process.execPath, [path.join(pkg, 'bin/kubeknit.js'), 'lint', 'x.yaml'], { encoding: 'utf8' });

  it('runs the bundle when it is newer than tsc\'s output, passing the arguments and the exit status on', () => {
    touch('dist/src/cli/main.js', 60);
    touch('dist/bundle/kubeknit.js', 10);
    const run = runBin();
    expect(run.stdout).toBe('bundle lint x.yaml');
    expect(run.status).toBe(3);
  });

  it('runs the bundle when both have the same time, as in a package installed from npm (tarballs carry one fixed time)', () => {
    touch('dist/src/cli/main.js', 30);
    touch('dist/bundle/kubeknit.js', 30);
    expect(statSync(path.join(pkg, 'dist/bundle/kubeknit.js')).mtimeMs).toBe(statSync(path.join(pkg, 'dist/src/cli/main.js')).mtimeMs);
    expect(runBin().stdout).toBe('bundle lint x.yaml');
  });

  it('runs tsc\'s output when tsc rebuilt after the bundle, so a stale bundle never hides an edit', () => {
    touch('dist/bundle/kubeknit.js', 60);
    touch('dist/src/cli/main.js', 10);
    expect(runBin().stdout).toBe('compiled lint x.yaml');
  });

  it('runs tsc\'s output when there is no bundle', () => {
    rmSync(path.join(pkg, 'dist/bundle'), { recursive: true });
    expect(existsSync(path.join(pkg, 'dist/bundle/kubeknit.js'))).toBe(false);
    expect(runBin().stdout).toBe('compiled lint x.yaml');
  });
});
