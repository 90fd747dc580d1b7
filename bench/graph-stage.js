// The graph stage at scale: CPU time of buildGraph and of each rule of the recommended preset
// (schema-violation included, listed apart), on a corpus directory, best of N rounds.
// Run after a build: `npm run build && node bench/graph-stage.js [dir] [--rounds 3] [--all]`.
// Default corpus: bench/corpora/10000 (written by `npm run bench`), else /work/main/bench/corpora/10000.
// Each round loads the corpus afresh, so caches kept per object (WeakMaps) start cold as in a real run;
// round 1 also runs before the JIT has compiled anything, as `kubeknit lint` does, and is printed apart.
// CPU time (process.cpuUsage, user + system) is used because wall time is noisy on a shared machine.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
if (!existsSync(dist)) {
  console.error('bench/graph-stage.js: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const importDist = (file) => import(new URL(`file://${path.join(dist, file)}`).href);
const { loadInputs, ObjectSet } = await importDist('src/load/index.js');
const { buildGraph } = await importDist('src/graph/build.js');
const { runRules, PendingLocations } = await importDist('src/engine/run.js');
const { presetSetting } = await importDist('src/engine/active-rules.js');
const { RULES } = await importDist('rules/index.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const valueOf = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const rounds = Number(valueOf('--rounds', 3));
const preset = flag('--all') ? 'all' : 'recommended';
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--rounds'));
const candidates = [positional[0], path.join(root, 'bench', 'corpora', '10000'), '/work/main/bench/corpora/10000'].filter(Boolean);
const dir = candidates.find((d) => existsSync(d));
if (!dir) {
  console.error(`bench/graph-stage.js: no corpus found (tried ${candidates.join(', ')}); run \`npm run bench\` or pass a directory`);
  process.exit(2);
}

/** CPU milliseconds (user + system) spent in fn. */
function cpu(fn) {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

const active = RULES.map((rule) => ({ rule, ...presetSetting(rule, preset) })).filter((a) => a.severity !== 'off');
const best = { graph: Infinity, rules: new Map(active.map((a) => [a.rule.id, Infinity])) };
const first = { graph: 0, rules: 0, schema: 0 };
let summary;
for (let round = 0; round < rounds; round++) {
  const loaded = loadInputs([dir]);
  const objects = new ObjectSet(loaded.objects);
  const graph = cpu(() => buildGraph(objects));
  best.graph = Math.min(best.graph, graph.ms);
  if (round === 0) first.graph = graph.ms;
  // Locations are collected but not resolved: that is the engine's later step, not the rules'.
  const locations = new PendingLocations();
  let findings = 0;
  for (const a of active) {
    const run = cpu(() => runRules({ objects, graph: graph.value, problems: loaded.problems, rules: [a], locations }));
    findings += run.value.length;
    best.rules.set(a.rule.id, Math.min(best.rules.get(a.rule.id), run.ms));
    if (round === 0) first[a.rule.id === 'schema-violation' ? 'schema' : 'rules'] += run.ms;
  }
  summary = { objects: objects.size, nodes: graph.value.nodes().length, edges: graph.value.edges().length, findings };
}

const fmt = (ms) => `${ms.toFixed(1).padStart(8)} ms`;
const ruleTimes = [...best.rules].sort((a, b) => b[1] - a[1]);
const schema = best.rules.get('schema-violation') ?? 0;
const others = ruleTimes.filter(([id]) => id !== 'schema-violation').reduce((sum, [, ms]) => sum + ms, 0);
console.log(`kubeknit graph stage: ${dir}`);
console.log(`  ${summary.objects} objects → ${summary.nodes} nodes, ${summary.edges} edges; ${active.length} rules (${preset}), ${summary.findings} findings`);
console.log(`  CPU time, best of ${rounds} rounds; Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
console.log(`                                      best   round 1`);
console.log(`  buildGraph                      ${fmt(best.graph)}${fmt(first.graph)}`);
console.log(`  rules except schema-violation   ${fmt(others)}${fmt(first.rules)}`);
console.log(`  schema-violation                ${fmt(schema)}${fmt(first.schema)}`);
console.log('  per rule, best (slowest first):');
for (const [id, ms] of ruleTimes) if (id !== 'schema-violation') console.log(`    ${id.padEnd(36)}${fmt(ms)}`);
