// Runs every benchmark in this folder (`npm run bench`), one after another: the harness first
// (it writes bench/results.md), then the focused ones. Helper modules are not benchmarks.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
const HELPERS = new Set(['run.js', 'harness.js', 'floor.js', 'generate.js', 'rss-preload.js']);
const benches = ['harness.js', ...readdirSync(dir).filter((f) => f.endsWith('.js') && !HELPERS.has(f)).sort()];
let failed = false;
for (const file of benches) {
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, [path.join(dir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
