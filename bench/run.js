// Runs every benchmark in this folder (`npm run bench`), one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = import.meta.dirname;
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'run.js').sort()) {
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, [path.join(dir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
