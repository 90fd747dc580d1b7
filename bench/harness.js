// The main benchmark (`npm run bench`): generates corpora of 1,000 / 10,000 / 50,000 objects and
// measures, each in a fresh process, the parse floor and `kubeknit lint` (recommended preset,
// schema validation on) single-threaded, with --jobs N and with --cache; then start-up time.
// Each size is measured in rounds (BENCH_ROUNDS; default 5, 3 for 50,000 objects), the runs of a
// round one after another. A ratio is taken within each round (lint ÷ the floor measured just
// before it, 2nd --cache run ÷ 1st) and the median of those is reported; times are medians, peak
// RSS the highest. A shared machine has slow spells lasting minutes: a ratio of runs measured
// side by side compares like with like. Writes bench/results.md. Quick mode: `node bench/harness.js --quick`
// (or BENCH_SIZES=1000,10000).
// Run after a build (`npm run bench` builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './generate.js';

const benchDir = import.meta.dirname;
const root = path.dirname(benchDir);
const cli = path.join(root, 'bin', 'kubeknit.js');
const preload = path.join(benchDir, 'rss-preload.js');
const quick = process.argv.includes('--quick');
const sizes = (process.env.BENCH_SIZES ?? (quick ? '1000,10000' : '1000,10000,50000')).split(',').map(Number);
const jobs = os.availableParallelism();
const SEED = 42;
const roundsFor = (size) => Number(process.env.BENCH_ROUNDS ?? (size > 10000 ? 3 : 5));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-bench-'));

/** Runs node with the RSS preload; returns wall time (ms, Node start included), peak RSS (MB) and stdout. */
function measure(args, { okStatus = [0, 1] } = {}) {
  const rssFile = path.join(tmp, 'rss');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', preload, ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, KUBEKNIT_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const ms = performance.now() - started;
  if (!okStatus.includes(run.status)) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const rssMB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  return { ms, rssMB, stdout: run.stdout };
}

const lintArgs = (dir, ...extra) => [cli, 'lint', dir, '--no-config', '-f', 'json', '-o', path.join(tmp, 'report.json'), ...extra];

function corpus(size) {
  const dir = path.join(benchDir, 'corpora', String(size));
  const metaFile = `${dir}.json`; // beside the corpus, not in it (it would be linted)
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    if (meta.seed === SEED && meta.objects === size) return { dir, ...meta };
  }
  const meta = { seed: SEED, ...generateCorpus(dir, size, SEED) };
  writeFileSync(metaFile, JSON.stringify(meta));
  return { dir, ...meta };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
const rows = [];
const loadBefore = load();
console.log(`kubeknit bench: sizes ${sizes.join(', ')}; --jobs ${jobs}; load average ${loadBefore}`);

for (const size of sizes) {
  const c = corpus(size);
  const rounds = [];
  for (let round = 0; round < roundsFor(size); round++) {
    const cacheDir = path.join(tmp, `cache-${size}-${round}`);
    rounds.push({
      floor: measure([path.join(benchDir, 'floor.js'), c.dir], { okStatus: [0] }),
      single: measure(lintArgs(c.dir, '--jobs', '1')),
      parallel: measure(lintArgs(c.dir, '--jobs', String(jobs))),
      cold: measure(lintArgs(c.dir, '--jobs', '1', '--cache', '--cache-location', cacheDir)),
      warm: measure(lintArgs(c.dir, '--jobs', '1', '--cache', '--cache-location', cacheDir)),
    });
  }
  const mid = (key) => ({ ms: median(rounds.map((r) => r[key].ms)), rssMB: Math.max(...rounds.map((r) => r[key].rssMB)) });
  const [floor, single, parallel, cold, warm] = ['floor', 'single', 'parallel', 'cold', 'warm'].map(mid);
  const ratio = (key, to) => median(rounds.map((r) => r[key].ms / r[to].ms));
  const ratios = { single: ratio('single', 'floor'), parallel: ratio('parallel', 'floor'), cache: ratio('warm', 'cold') };
  const row = { size, files: c.files, bytes: c.bytes, rounds: rounds.length, floor, single, parallel, cold, warm, ratios };
  rows.push(row);
  console.log(`${size} objects (${rounds.length} rounds): floor ${fmtMs(floor.ms)}; lint --jobs 1 ${fmtMs(single.ms)} (${ratios.single.toFixed(2)}× floor, ${fmtMB(single.rssMB)}); `
    + `--jobs ${jobs} ${fmtMs(parallel.ms)} (${ratios.parallel.toFixed(2)}×); --cache 2nd run ${ratios.cache.toFixed(2)}× the 1st`);
}

// Start-up: one small file, Node start included, median of 11 runs.
const small = path.join(root, 'examples', 'shop', 'config.yaml');
const startupRuns = Array.from({ length: 11 }, () => measure([cli, 'lint', small, '--no-config', '-f', 'json']).ms);
const startup = median(startupRuns);
const nodeOnly = median(Array.from({ length: 5 }, () => measure(['-e', '0'], { okStatus: [0] }).ms));
console.log(`start-up (one small file): ${fmtMs(startup)} median (bare node -e 0: ${fmtMs(nodeOnly)})`);
const loadAfter = load();

writeFileSync(path.join(benchDir, 'results.md'), report());
console.log(`written bench/results.md; load average ${loadAfter}`);
for (const line of checks()) console.log(line);
// No rule may be quadratic: 5× the objects must take at most 5.5× the time.
const ten = rows.find((r) => r.size === 10000);
const fifty = rows.find((r) => r.size === 50000);
if (ten && fifty && fifty.single.ms > 5.5 * ten.single.ms) {
  console.error(`FAIL: 50,000 objects took ${(fifty.single.ms / ten.single.ms).toFixed(2)}× the time of 10,000 (limit 5.5×): something grows faster than linearly`);
  process.exitCode = 1;
}
rmSync(tmp, { recursive: true, force: true });

function fmtMs(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function fmtMB(mb) {
  return `${Math.round(mb)} MB`;
}

function checks() {
  const out = [];
  const at = (size) => rows.find((r) => r.size === size);
  const ten = at(10000);
  const fifty = at(50000);
  const verdict = (ok) => (ok ? 'met' : '**not met**');
  if (ten) {
    const { single, parallel: par, cache } = ten.ratios;
    out.push(`| 10k: lint --jobs 1 ≤ 1.5 × floor | ${single.toFixed(2)}× | ${verdict(single <= 1.5)} |`);
    out.push(`| 10k: lint --jobs ${jobs} ≤ 1.0 × floor | ${par.toFixed(2)}× | ${verdict(par <= 1.0)} |`);
    out.push(`| 10k: peak RSS ≤ 400 MB | ${fmtMB(Math.max(ten.single.rssMB, ten.parallel.rssMB))} | ${verdict(Math.max(ten.single.rssMB, ten.parallel.rssMB) <= 400)} |`);
    out.push(`| 10k: --cache 2nd run ≤ 0.5 × 1st | ${cache.toFixed(2)}× | ${verdict(cache <= 0.5)} |`);
  }
  if (ten && fifty) {
    const growth = fifty.single.ms / ten.single.ms;
    out.push(`| linear: 50k ≤ 5.5 × 10k (--jobs 1) | ${growth.toFixed(2)}× | ${verdict(growth <= 5.5)} |`);
    const rss = Math.max(fifty.single.rssMB, fifty.parallel.rssMB);
    out.push(`| 50k: peak RSS ≤ 1.5 GB | ${fmtMB(rss)} | ${verdict(rss <= 1536)} |`);
  }
  out.push(`| start-up, one small file ≤ 250 ms | ${fmtMs(startup)} | ${verdict(startup <= 250)} |`);
  return out;
}

function report() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/harness.js). Every run is a fresh process, wall time with Node start-up included. Each size is measured in',
    'rounds, the runs of a round one after another; a ratio (× floor, 2nd/1st) is the median of the ratios within each round, so it compares runs',
    'made side by side (a shared machine has slow spells lasting minutes); times are medians, RSS the highest of the rounds.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}; --jobs ${jobs} (os.availableParallelism())`,
    `- Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`,
    `- Corpora: bench/generate.js, seed ${SEED}; lint = \`kubeknit lint <dir> --no-config -f json\` (recommended preset, schema validation on)`,
    '',
    '| objects | files | MB | rounds | floor | lint --jobs 1 | ×floor | obj/s | MB/s | RSS | lint --jobs ' + jobs + ' | ×floor | RSS | --cache 1st | 2nd | 2nd/1st |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const mb = r.bytes / 1024 / 1024;
    lines.push(`| ${r.size} | ${r.files} | ${mb.toFixed(1)} | ${r.rounds} | ${fmtMs(r.floor.ms)} | ${fmtMs(r.single.ms)} | ${r.ratios.single.toFixed(2)} | `
      + `${Math.round(r.size / (r.single.ms / 1000))} | ${(mb / (r.single.ms / 1000)).toFixed(2)} | ${fmtMB(r.single.rssMB)} | `
      + `${fmtMs(r.parallel.ms)} | ${r.ratios.parallel.toFixed(2)} | ${fmtMB(r.parallel.rssMB)} | `
      + `${fmtMs(r.cold.ms)} | ${fmtMs(r.warm.ms)} | ${r.ratios.cache.toFixed(2)} |`);
  }
  lines.push('', `Floor: bench/floor.js reads every file and runs yaml's \`parseAllDocuments\`, nothing else (floor RSS: ${rows.map((r) => `${r.size}: ${fmtMB(r.floor.rssMB)}`).join(', ')}).`);
  lines.push(`Start-up: \`kubeknit lint examples/shop/config.yaml\`, median of ${startupRuns.length} runs: ${fmtMs(startup)} (bare \`node -e 0\`: ${fmtMs(nodeOnly)}).`);
  lines.push('', '## Targets (issue 9)', '', '| target | measured | |', '|---|---:|---|', ...checks(), '');
  return lines.join('\n');
}
