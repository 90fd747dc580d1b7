// How the shape of the YAML changes lint time: the harness's 10,000-object corpus rewritten with
// CRLF line ends, with percentages and tabs inside values, as one `kind: List` per file and as JSON
// Lists (what `kubectl get -o yaml|json` writes), as one stream of documents (what `helm template`
// writes), alone and with one document only yaml reads. Each is linted in fresh processes (recommended
// preset, schema validation on); the table gives median wall and CPU time and checks that every
// shape gives as many findings as the plain corpus (the same objects, so the same report).
// Run after a build: `npm run build && node bench/shapes.js [--corpus DIR] [--runs N] [--root TREE]`;
// `--root` lints with another built kubeknit tree (e.g. an older checkout) for before/after figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { generateCorpus } from './generate.js';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const benchDir = import.meta.dirname;
const root = path.resolve(option('--root', path.dirname(benchDir)));
const runs = Number(option('--runs', 3));
const corpus = path.resolve(option('--corpus', path.join(benchDir, 'corpora', '10000')));
if (!existsSync(corpus)) generateCorpus(corpus, 10_000, 42); // the harness's corpus (seed 42)

/** Each shape rewrites the corpus: [file, text] pairs in, [file, text] pairs out. */
const eachFile = (rewrite) => (files) => files.map(([file, text]) => rewrite(file, text));
const asStream = (files) => files.map(([, text]) => text).join('---\n');
const ANCHORED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchored\n  namespace: team-0\ndata:\n  a: &v hello\n  b: *v\n';
const SHAPES = {
  'plain (LF)': eachFile((file, text) => [file, text]),
  'CRLF line ends': eachFile((file, text) => [file, text.replace(/\n/g, '\r\n')]),
  'percentages in values': eachFile((file, text) => [file, text.replace(/^( {2}replicas: \d+)$/gm, '$1\n  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}')]),
  'tabs in a block scalar': eachFile((file, text) => [file, text.replace(/^( {2}LOG_LEVEL: .*)$/gm, '$1\n  Makefile: |\n    all:\n    \techo done')]),
  'one kind: List per file': eachFile((file, text) => [file, stringify(asList(text))]),
  'JSON, one List per file': eachFile((file, text) => [file.replace(/\.ya?ml$/, '.json'), `${JSON.stringify(asList(text), null, 2)}\n`]),
  // `helm template | kubeknit lint -`: one stream of every document (here a file: stdin reads the same way).
  'one stream': (files) => [['stream.yaml', asStream(files)]],
  'one stream + an anchor': (files) => [['stream.yaml', `${asStream(files)}---\n${ANCHORED}`]],
};

function asList(text) {
  return { apiVersion: 'v1', kind: 'List', items: parseAllDocuments(text).map((doc) => doc.toJS()).filter(Boolean) };
}

// Loaded before the CLI: prints the process's CPU time on stderr when it exits.
const CPU_PRELOAD = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write(`\\nshape-cpu-us ${u.user+u.system}\\n`)})';

function lint(dir) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', CPU_PRELOAD, path.join(root, 'bin', 'kubeknit.js'), 'lint', dir, '--no-config', '-f', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`kubeknit lint ${dir} exited ${run.status}: ${run.stderr}`);
  return { wall, cpu: Number(/shape-cpu-us (\d+)/.exec(run.stderr)?.[1]) / 1000, findings: JSON.parse(run.stdout).findings.length };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort();
const texts = files.map((file) => [file, readFileSync(path.join(corpus, file), 'utf8')]);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-shapes-'));
try {
  const dirs = Object.entries(SHAPES).map(([name, rewrite], i) => {
    const dir = path.join(tmp, String(i));
    for (const [file, text] of rewrite(texts)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return { name, dir, results: [] };
  });
  // Rounds, each shape once a round: a slow spell of the machine slows every shape alike.
  for (let round = 0; round < runs; round++) for (const shape of dirs) shape.results.push(lint(shape.dir));
  console.log(`kubeknit lint by shape of the YAML: ${corpus} (${files.length} files); tree ${root}; median of ${runs}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log(`${'shape'.padEnd(26)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)}  × plain (CPU)  findings`);
  const plainCpu = median(dirs[0].results.map((r) => r.cpu));
  const plainFindings = dirs[0].results[0].findings;
  let differs = false;
  for (const { name, results } of dirs) {
    const cpu = median(results.map((r) => r.cpu));
    const findings = results[0].findings;
    differs ||= findings !== plainFindings;
    console.log(`${name.padEnd(26)} ${seconds(median(results.map((r) => r.wall))).padStart(9)} ${seconds(cpu).padStart(9)}  ${(cpu / plainCpu).toFixed(2).padStart(12)}  ${findings}${findings === plainFindings ? '' : ' (differs from plain)'}`);
  }
  process.exitCode = differs ? 1 : 0;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
