// Schema validation cost, each figure from a fresh process (CPU time, best of --runs):
//   - the schema-violation rule alone on a corpus (default: the harness's 10,000-object corpus),
//     with the default Kubernetes version (validators generated at build time) and with an older
//     one (compiled by ajv at run time), and a second run with the validation-results cache;
//   - the first use of generated validator chunks (load + first validation) and their size;
//   - `kubeknit lint examples/shop/config.yaml`: start-up on one small file.
// Run after a build: `npm run build && node bench/schema.js [--corpus DIR] [--runs N] [--root TREE]`.
// `--root` measures another built kubeknit tree (e.g. an untouched checkout) for before/after figures;
// figures a tree cannot give (no cache, no generated validators) are left out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCorpus } from './generate.js';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const benchDir = import.meta.dirname;
const root = path.resolve(option('--root', path.dirname(benchDir)));
const dist = (file) => pathToFileURL(path.join(root, 'dist', file)).href;
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const childAt = args.indexOf('--child');
if (childAt >= 0) await child(args[childAt + 1], args.slice(childAt + 2));
else main();

function main() {
  const runs = Number(option('--runs', 3));
  const corpus = path.resolve(option('--corpus', path.join(benchDir, 'corpora', '10000')));
  if (!existsSync(corpus)) generateCorpus(corpus, 10_000, 42); // the harness's corpus (seed 42)
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-schema-bench-'));
  const best = (mode, ...rest) => {
    const results = Array.from({ length: runs }, () => runChild(mode, ...rest)).filter(Boolean);
    return results.length ? results.reduce((a, b) => (b.cpu < a.cpu ? b : a)) : undefined;
  };
  console.log(`kubeknit schema bench: tree ${root}; corpus ${corpus}; best of ${runs}; load average ${loadAverage()}`);

  const cold = best('rule', corpus, '');
  if (cold) console.log(`schema-violation, default version (${cold.version}${cold.precompiled ? ', generated validators' : ''}): ${ms(cold.cpu)} CPU, ${ms(cold.wall)} wall, ${cold.findings} findings`);
  const older = best('rule', corpus, '', '1.34');
  if (older) console.log(`schema-violation, --kube-version 1.34 (compiled at run time): ${ms(older.cpu)} CPU, ${ms(older.wall)} wall`);

  const cacheDir = path.join(tmp, 'cache');
  const fill = runChild('rule', corpus, cacheDir);
  if (fill?.cached) {
    const warm = best('rule', corpus, cacheDir);
    console.log(`with --cache: 1st run ${ms(fill.cpu)} CPU (fills the cache), 2nd run ${ms(warm.cpu)} CPU, ${ms(warm.wall)} wall (${warm.findings} findings)`);
  }

  const chunks = runChild('chunks');
  if (chunks) {
    console.log(`generated validators: ${chunks.files} files, ${(chunks.bytes / 1024 / 1024).toFixed(1)} MB; first use (load + validate):`);
    for (const c of chunks.kinds) console.log(`  ${c.kind.padEnd(22)} ${c.file} (${(c.bytes / 1024).toFixed(0)} KB): ${ms(c.cpu)} CPU`);
  }

  const small = path.join(root, 'examples', 'shop', 'config.yaml');
  const startup = Array.from({ length: runs * 3 }, () => runChild('cli', small)).reduce((a, b) => (b.cpu < a.cpu ? b : a));
  const bare = Array.from({ length: runs * 3 }, () => runChild('bare')).reduce((a, b) => (b.cpu < a.cpu ? b : a));
  console.log(`start-up, kubeknit lint examples/shop/config.yaml: ${ms(startup.cpu)} CPU, ${ms(startup.wall)} wall (bare node: ${ms(bare.cpu)} CPU, ${ms(bare.wall)} wall)`);
  rmSync(tmp, { recursive: true, force: true });
}

/** Runs `node bench/schema.js --child …` and returns what it printed (JSON), or undefined when the tree cannot do it. */
function runChild(...childArgs) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [import.meta.filename, '--root', root, '--child', ...childArgs], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - started;
  if (run.status === 3) return undefined;
  if (run.status !== 0) throw new Error(`child ${childArgs.join(' ')} failed: ${run.stderr}`);
  return { processWall: wall, ...JSON.parse(run.stdout.trim().split('\n').at(-1)) };
}

async function child(mode, rest) {
  const out = mode === 'rule' ? await ruleRun(rest) : mode === 'chunks' ? await chunkLoads() : mode === 'cli' ? await cliRun(rest[0]) : { cpu: cpu(), wall: performance.now() };
  if (!out) process.exit(3);
  console.log(JSON.stringify(out));
}

/** The schema-violation rule alone over a loaded corpus (loading and the graph are not counted). */
async function ruleRun([corpus, cacheDir, kubernetesVersion]) {
  const { loadInputs, ObjectSet } = await import(dist('src/load/index.js'));
  const { buildGraph } = await import(dist('src/graph/build.js'));
  const { planRules, runPlan } = await import(dist('src/engine/plan.js'));
  const { perFileSelection } = await import(dist('src/config/selection.js'));
  const { RULES } = await import(dist('rules/index.js'));
  const { resolveKubernetesVersion } = await import(dist('src/schema/registry.js'));
  let cache;
  if (cacheDir) {
    const file = path.join(root, 'dist/src/schema/validation-cache.js');
    if (!existsSync(file)) return undefined;
    const { ValidationCache } = await import(pathToFileURL(file).href);
    cache = new ValidationCache(cacheDir, 'bench');
  }
  const loaded = loadInputs([corpus]);
  const objects = new ObjectSet(loaded.objects);
  const graph = buildGraph(objects);
  const only = Object.fromEntries(RULES.map((r) => [r.id, r.id === 'schema-violation' ? 'error' : 'off']));
  const plan = planRules(RULES, loaded.files, perFileSelection('recommended', undefined, only));
  const version = resolveKubernetesVersion(kubernetesVersion);
  const precompiled = existsSync(path.join(root, 'dist/validators/kubernetes', version, 'index.json'));
  const [c, t] = [cpu(), performance.now()];
  const findings = runPlan(plan, { objects, graph, problems: loaded.problems, settings: { kubernetesVersion: version, schemaLocations: [], schemaCache: cache } });
  cache?.save();
  return { cpu: cpu() - c, wall: performance.now() - t, findings: findings.length, version, precompiled, cached: Boolean(cache) };
}

/** First use of a few generated chunks: require, set-up and one validation each. */
async function chunkLoads() {
  const folderRoot = path.join(root, 'dist/validators/kubernetes');
  if (!existsSync(folderRoot)) return undefined;
  const { bundleFile, bundleVersions, EMBEDDED_SCHEMA_DIR } = await import(dist('src/schema/store.js'));
  const { VersionSchemas } = await import(dist('src/schema/version-schemas.js'));
  const version = bundleVersions(EMBEDDED_SCHEMA_DIR).at(-1);
  const folder = path.join(folderRoot, version);
  const files = readdirSync(folder).filter((f) => f.endsWith('.cjs'));
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
  const index = (await import(pathToFileURL(path.join(folder, 'index.json')).href, { with: { type: 'json' } })).default;
  const schemas = new VersionSchemas(version, bundleFile(EMBEDDED_SCHEMA_DIR, version));
  const kinds = [];
  for (const kind of ['apps/v1/Deployment', 'apps/v1/StatefulSet', 'v1/Service', 'v1/ConfigMap', 'networking.k8s.io/v1/Ingress', 'v1/PersistentVolume']) {
    const c = cpu();
    schemas.validateKind(kind, { metadata: { name: 'x' } });
    kinds.push({ kind, file: index.kinds[kind], bytes: statSync(path.join(folder, index.kinds[kind])).size, cpu: cpu() - c });
  }
  return { files: files.length, bytes, kinds };
}

/** The CLI on one file, in this process; CPU counts from process start (Node's own start-up included). */
async function cliRun(file) {
  const { main } = await import(dist('src/cli/main.js'));
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the report is not what is measured
  await main(['lint', file, '--no-config', '-f', 'json']);
  process.stdout.write = write;
  return { cpu: cpu(), wall: performance.now() };
}

function ms(value) {
  return `${Math.round(value)} ms`;
}

function loadAverage() {
  return os.loadavg().map((l) => l.toFixed(2)).join(', ');
}
