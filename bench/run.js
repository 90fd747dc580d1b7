// `npm run bench`: runs every benchmark in this folder, one after another, in fresh processes.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
let failed = false;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'run.js').sort()) {
  const run = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
