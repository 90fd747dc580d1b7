// Start-up time (issue 9: linting one small file ≤ 250 ms wall, Node start included).
// Prints the median wall time of RUNS fresh processes for bare node, `kubeknit --version`,
// `kubeknit lint <one small file>` and `kubeknit rules`, with the load average, since other work on
// the machine slows every figure. Run after a build: `node bench/startup.js [--runs N]`.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const root = path.dirname(import.meta.dirname);
const cli = path.join(root, 'bin', 'kubeknit.js');
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;

const cases = [
  { name: 'bare node (node -e 0)', args: ['-e', '0'] },
  { name: 'kubeknit --version', args: [cli, '--version'] },
  { name: 'kubeknit lint examples/shop/config.yaml --no-config -f json', args: [cli, 'lint', 'examples/shop/config.yaml', '--no-config', '-f', 'json'], okStatus: [0, 1] },
  { name: 'kubeknit rules', args: [cli, 'rules'] },
];

function wallMs({ args, okStatus = [0] }) {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (!okStatus.includes(run.status)) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
console.log(`kubeknit start-up: median of ${RUNS} runs; Node ${process.version}; load average before: ${load()}`);
for (const c of cases) wallMs(c); // warm the file system cache
// Interleave the cases so a burst of load on the machine falls on all of them alike.
const times = cases.map(() => []);
for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => times[j].push(wallMs(c)));
cases.forEach((c, j) => {
  const sorted = [...times[j]].sort((a, b) => a - b);
  console.log(`${median(times[j]).toFixed(0).padStart(5)} ms  (best ${sorted[0].toFixed(0)} ms)  ${c.name}`);
});
console.log(`load average after: ${load()}`);
