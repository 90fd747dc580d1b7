import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

/** A generated corpus (150 related objects, some broken references) plus examples/. Timing: bench/. */
let workspace: string;

type GenerateCorpus = (dir: string, objects: number, seed: number) => unknown;

beforeAll(async () => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-perf-'));
  const { generateCorpus } = (await import(pathToFileURL(path.join(REPO_ROOT, 'bench', 'generate.js')).href)) as { generateCorpus: GenerateCorpus };
  generateCorpus(path.join(workspace, 'corpus'), 150, 7);
  cpSync(path.join(REPO_ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
});

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const lintJson = (...args: string[]) => {
  const run = runCli(['lint', '.', '--no-config', '-f', 'json', ...args], { cwd: workspace });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(1); // the corpus has broken references on purpose
  return run.stdout;
};

describe('kubeknit lint --jobs and --cache (built CLI)', () => {
  it('--jobs 2 (worker threads) reports exactly what --jobs 1 does, in the same order', () => {
    const single = lintJson('--jobs', '1');
    const report = JSON.parse(single) as { summary: { objects: number; errors: number } };
    expect(report.summary.objects).toBeGreaterThan(150);
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(lintJson('--jobs', '2')).toBe(single);
  });

  it('--cache: a second run gives the same report, and an edited file is parsed again', () => {
    const cache = path.join(workspace, '.cache-test');
    const fresh = lintJson('--jobs', '1');
    expect(lintJson('--cache', '--cache-location', cache)).toBe(fresh);
    expect(readFileSync(path.join(cache, 'parsed-files.bin')).length).toBeGreaterThan(0);
    expect(lintJson('--cache', '--cache-location', cache)).toBe(fresh);

    // An edit that breaks the schema: the cached parse of that file must not be reused.
    const file = path.join(workspace, 'examples', 'shop', 'web.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^(\s+)replicas: \d+$/m, '$1replicas: "three"'));
    try {
      const edited = JSON.parse(lintJson('--cache', '--cache-location', cache)) as { findings: Array<{ file: string; message: string }> };
      expect(edited.findings.some((f) => f.file === 'examples/shop/web.yaml' && /replicas/.test(f.message))).toBe(true);
      expect(JSON.parse(fresh).findings.some((f: { file: string; message: string }) => f.file === 'examples/shop/web.yaml' && /replicas/.test(f.message))).toBe(false);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('--cache: field ranges stored by one run serve the next, and a run with more rules still locates every finding', () => {
    const cache = path.join(workspace, '.cache-ranges');
    const recommended = lintJson('--cache', '--cache-location', cache);
    expect(lintJson('--cache', '--cache-location', cache)).toBe(recommended);
    // `--preset all` reports fields the first runs never located: those are parsed for, the rest come from the cache.
    const fresh = lintJson('--preset', 'all');
    expect(lintJson('--preset', 'all', '--cache', '--cache-location', cache)).toBe(fresh);
  });

  it('--jobs 2 --cache: files parsed on either thread fill the cache, and a run from it reports the same', () => {
    const cache = path.join(workspace, '.cache-jobs');
    const fresh = lintJson('--jobs', '1', '--preset', 'all');
    expect(lintJson('--jobs', '2', '--preset', 'all', '--cache', '--cache-location', cache)).toBe(fresh);
    expect(lintJson('--jobs', '1', '--preset', 'all', '--cache', '--cache-location', cache)).toBe(fresh);
  });
});
