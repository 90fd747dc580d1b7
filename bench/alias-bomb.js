// How quickly an alias bomb ("billion laughs": nine levels of nine aliases) is refused, in the parser
// and through the CLI. The tests check that it is refused (an invalid-yaml finding, no object, nothing
// expanded); this measures how fast, and fails above the limits those tests used to assert:
// 2 s for the parser, 10 s for a CLI run with one other file. Run after a build: `node bench/alias-bomb.js`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseStream } from '../dist/src/load/parse.js';

const root = path.dirname(import.meta.dirname);
const letter = (i) => String.fromCharCode(97 + i);
const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 10; i++) levels.push(`${letter(i)}: &${letter(i)} [${Array(9).fill(`*${letter(i - 1)}`).join(',')}]`);
const bomb = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;

let started = performance.now();
const parsed = parseStream('bomb.yaml', bomb);
const parseMs = performance.now() - started;
if (parsed.objects.length || parsed.problems[0]?.ruleId !== 'invalid-yaml') throw new Error('the alias bomb was not refused');

const dir = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-bomb-'));
writeFileSync(path.join(dir, 'bomb.yaml'), bomb);
writeFileSync(path.join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n');
started = performance.now();
const run = spawnSync(process.execPath, [path.join(root, 'bin/kubeknit.js'), 'lint', dir, '--no-config', '-f', 'json'], { encoding: 'utf8' });
const cliMs = performance.now() - started;
rmSync(dir, { recursive: true, force: true });
if (run.status !== 1) throw new Error(`kubeknit lint exited ${run.status}: ${run.stderr}`);

console.log(`alias bomb: parser ${parseMs.toFixed(0)} ms (limit 2000), CLI run ${cliMs.toFixed(0)} ms (limit 10000); load average ${os.loadavg()[0].toFixed(1)}`);
if (parseMs > 2000 || cliMs > 10_000) process.exitCode = 1;
