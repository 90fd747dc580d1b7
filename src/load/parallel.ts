import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { nameParsedBody, ParseCache } from './cache.js';
import { v8, workerThreads } from './lazy-builtins.js';
import { assembleLoad, inputFiles, loadFile, type FileLoad, type LoadOptions, type LoadResult } from './index.js';
import type { WorkerReply, WorkerTask } from './parse-worker.js';
import { toPortable, withLocators, type PortableFileLoad } from './portable.js';
import { DEFAULT_MAX_FILE_SIZE, readManifestFile } from './read.js';

export interface FastLoadOptions extends LoadOptions {
  /**
   * Threads that parse files: this one and `jobs - 1` workers. Unset: the available cores, when the
   * input is big enough to pay for starting workers. Set: that many whenever there are two files or
   * more; 1 parses on this thread alone.
   */
  jobs?: number;
  /** Parsed files from earlier runs (`--cache`). */
  cache?: ParseCache;
}

/**
 * Each worker compiles the parser afresh, and its first pass runs about half as fast as a warm one;
 * on 2 cores the V8 helper threads of two parsing threads also compete. Measured there (bench/),
 * `--jobs 2` gained nothing at 3.6 MB of YAML, broke even at about 9 MB and saved 11% at 18 MB. So by
 * default workers start only above this many bytes divided by the threads that would parse.
 */
const PARALLEL_BYTES_TIMES_THREADS = 32 * 1024 * 1024;

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/**
 * `loadInputs` with the files parsed by worker threads (when the input is big enough to pay
 * off) and looked up in a cache first. The result is the same as `loadInputs` gives, in the same order.
 */
export async function loadInputsFast(inputs: readonly string[], options: FastLoadOptions = {}): Promise<LoadResult> {
  const { files, inline, named, problems } = inputFiles(inputs, options);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const loads: FileLoad[] = new Array<FileLoad>(files.length);
  const keys: Array<string | undefined> = new Array<string | undefined>(files.length);
  const cache = options.cache;
  const todo: Array<{ index: number; file: string; text?: string; key?: string }> = [];
  files.forEach((file, index) => {
    const given = inline.get(file);
    if (!cache) return todo.push({ index, file, text: given });
    const read = given !== undefined ? { text: given } : readManifestFile(file, maxFileSize);
    if ('problem' in read) {
      loads[index] = { parsed: { file, objects: [], problems: [read.problem], documents: 0 } };
      return;
    }
    const key = ParseCache.key(file, read.text);
    keys[index] = key;
    const hit = cachedLoad(cache, key);
    if (hit) loads[index] = withLocators({ ...hit, text: read.text }, cache.located(key));
    else todo.push({ index, file, text: read.text, key });
  });

  const keep = (task: (typeof todo)[number], load: FileLoad) => {
    loads[task.index] = load;
    if (task.key) cache?.set(task.key, cacheEntry(load));
  };
  // More threads than cores only costs memory (each worker holds its own parser): -j 100 is the core count.
  const jobs = Math.max(1, Math.min(options.jobs ?? Infinity, os.availableParallelism()));
  const parallel = options.jobs === undefined ? worthParallel(todo, jobs) : todo.length > 1;
  if (jobs > 1 && parallel && workersAvailable()) {
    await parseInParallel(todo, jobs, maxFileSize, (task, bytes) => {
      const portable = v8().deserialize(bytes) as PortableFileLoad;
      loads[task.index] = withLocators(task.text === undefined ? portable : { ...portable, text: task.text });
      if (task.key) cache?.set(task.key, cacheEntry(loads[task.index]));
    }, (task) => keep(task, loadFile(task.file, task.text, maxFileSize)));
  } else {
    for (const task of todo) keep(task, loadFile(task.file, task.text, maxFileSize));
  }
  const result = assembleLoad(files, loads, named, problems);
  keys.forEach((key, i) => {
    if (key) for (const obj of loads[i].parsed.objects) nameParsedBody(obj, key);
  });
  if (cache) {
    // Saved after the rules ran, with the field ranges their findings located.
    result.saveCache = () => {
      loads.forEach((load, i) => {
        const key = keys[i];
        if (key && load.parsed.locator?.locatedCount) cache.setLocated(key, load.parsed.locator.locatedRanges());
      });
      cache.save();
    };
  }
  return result;
}

/** A cache entry as a load; an entry that does not deserialize to one is a miss. */
function cachedLoad(cache: ParseCache, key: string): PortableFileLoad | undefined {
  const bytes = cache.get(key);
  if (!bytes) return undefined;
  try {
    const load = v8().deserialize(bytes) as PortableFileLoad;
    return load && typeof load === 'object' && load.parsed && Array.isArray(load.parsed.objects) ? load : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A file's cache entry: its objects and problems, without the text (read anyway to find the entry)
 * or node positions (a re-run locates its findings from the ranges the cache keeps; positions of
 * every node cost more to read back than the few documents a changed rule set parses again).
 */
function cacheEntry(load: FileLoad): Uint8Array {
  return v8().serialize(toPortable(load, { text: false, positions: false }));
}

/** Workers run compiled JavaScript; from TypeScript sources (tests) everything stays on this thread. */
function workersAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

function worthParallel(todo: ReadonlyArray<{ file: string; text?: string }>, jobs: number): boolean {
  const minBytes = PARALLEL_BYTES_TIMES_THREADS / jobs;
  let bytes = 0;
  for (const { file, text } of todo) {
    bytes += text !== undefined ? text.length : sizeOf(file);
    if (bytes > minBytes) return true;
  }
  return false;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // the load reports it
  }
}

/**
 * Parses files on this thread and `jobs - 1` worker threads. Work goes out in small batches; each
 * worker keeps two in hand, so it never waits while this thread is busy, and this thread parses the
 * next batch itself whenever it has taken in the results that came back. Results from workers come
 * back v8-serialized. (Parsing here as well, instead of only collecting, keeps `jobs` cores busy
 * with one fewer cold start: each worker compiles the parser afresh.)
 */
async function parseInParallel<T extends { file: string; text?: string }>(
  tasks: readonly T[], jobs: number, maxFileSize: number,
  fromWorker: (task: T, bytes: Uint8Array) => void,
  onThisThread: (task: T) => void,
): Promise<void> {
  const batchSize = Math.max(1, Math.ceil(tasks.length / (jobs * 16)));
  const batches: T[][] = [];
  for (let i = 0; i < tasks.length; i += batchSize) batches.push(tasks.slice(i, i + batchSize));
  let next = 0;
  let unfinished = batches.length;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let stopping = false;
  const take = (): number | undefined => (next < batches.length ? next++ : undefined);
  const feed = (worker: Worker) => {
    const batch = take();
    if (batch === undefined) return;
    const task: WorkerTask = { batch, files: batches[batch].map(({ file, text }) => ({ file, text })), maxFileSize };
    worker.postMessage(task);
  };
  const fail = (err: unknown) => {
    failure ??= err;
    wake?.();
  };
  const workers = Array.from({ length: Math.min(jobs - 1, batches.length - 1) }, () => new (workerThreads().Worker)(WORKER_URL));
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      batches[reply.batch].forEach((task, i) => fromWorker(task, reply.results[i]));
      unfinished--;
      feed(worker);
      wake?.();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!stopping) fail(new Error(`a parse worker stopped (exit code ${code}) before finishing`));
    });
    feed(worker);
    feed(worker);
  }
  try {
    for (let batch = take(); batch !== undefined; batch = take()) {
      for (const task of batches[batch]) onThisThread(task);
      unfinished--;
      await new Promise(setImmediate); // take in what the workers sent meanwhile
      if (failure) throw failure;
    }
    while (unfinished > 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stopping = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
