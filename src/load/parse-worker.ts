/**
 * A worker thread of `--jobs`: reads, detects and parses the files it is sent, with the same
 * functions as a single-threaded load, and posts each file's result back v8-serialized (the
 * bytes double as a cache entry).
 */
import { serialize } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { loadFile } from './index.js';
import { usePlainEnvironment } from './plain-env.js';
import { toPortable } from './portable.js';

usePlainEnvironment();

export interface WorkerTask {
  batch: number;
  files: Array<{ file: string; text?: string }>;
  maxFileSize?: number;
}

export interface WorkerReply {
  batch: number;
  results: Uint8Array[];
}

parentPort?.on('message', (task: WorkerTask) => {
  // A text the main thread sent is not sent back.
  const results = task.files.map(({ file, text }) => new Uint8Array(serialize(toPortable(loadFile(file, text, task.maxFileSize), { text: text === undefined }))));
  const reply: WorkerReply = { batch: task.batch, results };
  parentPort!.postMessage(reply, results.map((r) => r.buffer as ArrayBuffer));
});
