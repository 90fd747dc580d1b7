// Start-up time (issue 9: linting one small file ≤ 250 ms wall, Node start included).
// Prints the median wall time of RUNS fresh processes for bare node, `kubeknit --version`,
// `kubeknit lint <one small file>` and `kubeknit rules`, the best wall time, and the median CPU time
// (user + system, all threads) that the process reports as it exits, with the load average: other
// work on the machine stretches wall times far more than CPU times.
// Run after a build: `npm run bench:startup`, or `node bench/startup.js [--runs N]`.
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

// Loaded before the measured code: prints the process's CPU time on stderr when it exits.
const CPU_PRELOAD = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write(`\\nstartup-cpu-us ${u.user+u.system}\\n`)})';

function measure({ args, okStatus = [0] }) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', CPU_PRELOAD, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = performance.now() - started;
  if (!okStatus.includes(run.status)) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const cpu = Number(/startup-cpu-us (\d+)/.exec(run.stderr)?.[1]) / 1000;
  return { wall, cpu };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(', ');
console.log(`kubeknit start-up: median of ${RUNS} runs; Node ${process.version}; load average before: ${load()}`);
for (const c of cases) measure(c); // warm the file system cache
// Interleave the cases so a burst of load on the machine falls on all of them alike.
const runs = cases.map(() => []);
for (let i = 0; i < RUNS; i++) cases.forEach((c, j) => runs[j].push(measure(c)));
console.log('wall median   wall best   CPU median');
cases.forEach((c, j) => {
  const wall = runs[j].map((r) => r.wall);
  const cpu = runs[j].map((r) => r.cpu);
  const ms = (v) => `${v.toFixed(0).padStart(6)} ms`;
  console.log(`${ms(median(wall))}   ${ms(Math.min(...wall))}   ${ms(median(cpu))}   ${c.name}`);
});
console.log(`load average after: ${load()}`);
