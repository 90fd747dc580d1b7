import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { v8 } from './lazy-builtins.js';

/**
 * One v8-serialized file of a `--cache` folder, stamped with the versions that wrote it.
 * Reading gives undefined for a missing or unreadable file, or one another version wrote.
 */
export function readCacheFile<T extends object>(file: string, stamp: string): Partial<T> | undefined {
  try {
    const data = v8().deserialize(readFileSync(file)) as Partial<T> & { stamp?: unknown };
    return data.stamp === stamp ? data : undefined;
  } catch {
    return undefined; // no cache yet, or an unreadable one: start afresh
  }
}

/** Writes a cache file atomically: a crash leaves the old file or the new one, never half of one. */
export function writeCacheFile(file: string, stamp: string, data: object): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, v8().serialize({ ...data, stamp }));
  renameSync(temporary, file);
}
