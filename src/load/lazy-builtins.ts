import { createRequire } from 'node:module';

/**
 * Node built-ins that only some runs need (`--jobs` workers, `--cache`, a schema bundle compiled at
 * run time), loaded on first use: importing v8, worker_threads and zlib up front cost about 4.5 ms
 * of every start-up (issue 9: linting one small file in ≤ 250 ms). Node caches them after that.
 */
const require = createRequire(import.meta.url);

export const v8 = (): typeof import('node:v8') => require('node:v8') as typeof import('node:v8');
export const workerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads') as typeof import('node:worker_threads');
export const zlib = (): typeof import('node:zlib') => require('node:zlib') as typeof import('node:zlib');
