import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { K8sObject } from '../types.js';
import { readCacheFile, userCacheRoot, writeCacheFile } from './cache-file.js';
import type { LocatedRanges } from './parse.js';

/**
 * Where `--cache` keeps parsed files when no location is given: a folder of the user's cache
 * folder named by a hash of `folder` (the repository root), outside the working tree, so a pull
 * request cannot plant or commit cache files there.
 */
export function defaultCacheLocation(folder: string): string {
  const name = createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 16);
  return path.join(userCacheRoot(), 'kubeknit', name);
}

const CACHE_FILE = 'parsed-files.bin';

interface CacheFile {
  /** kubeknit and yaml versions: a cache written by another version is dropped whole. */
  stamp: string;
  /** v8-serialized portable file loads, by key (file name + content hash). */
  entries: Map<string, Uint8Array>;
  /** Field ranges located in the file (by the locator's key), so a re-run need not parse it again to report. */
  located: Map<string, LocatedRanges>;
}

const bodyNames = new WeakMap<object, string>();

/**
 * Names an object's body by where it was parsed from: its file's cache key (name and text hash)
 * and its place in the file. Parsing is deterministic, so a body parsed again from the same text
 * gets the same name: the schema results cache uses it instead of hashing the body.
 */
export function nameParsedBody(obj: K8sObject, fileKey: string): void {
  bodyNames.set(obj.body, `${fileKey} ${obj.source.documentIndex} ${obj.source.itemIndex ?? ''}`);
}

/** The name `nameParsedBody` gave a body, if any. */
export function parsedBodyName(body: object): string | undefined {
  return bodyNames.get(body);
}

/**
 * Parsed files from earlier runs, one file on disk. An entry is found by the file's name and a
 * hash of its text, so an edited file misses; entries this run did not use are dropped on save.
 */
export class ParseCache {
  private readonly previous: Map<string, Uint8Array>;
  private readonly previousLocated: Map<string, LocatedRanges>;
  private readonly next = new Map<string, Uint8Array>();
  private readonly nextLocated = new Map<string, LocatedRanges>();
  private changed = false;
  private readonly file: string;
  private readonly stamp: string;

  constructor(location: string, toolVersion: string) {
    this.file = path.join(location, CACHE_FILE);
    this.stamp = `kubeknit ${toolVersion}; yaml ${yamlVersion()}; format 8`;
    const previous = this.read();
    this.previous = previous.entries;
    this.previousLocated = previous.located;
  }

  static key(file: string, text: string): string {
    return createHash('sha256').update(file).update('\0').update(text).digest('base64');
  }

  get(key: string): Uint8Array | undefined {
    const entry = this.previous.get(key);
    if (entry) this.next.set(key, entry);
    return entry;
  }

  set(key: string, entry: Uint8Array): void {
    this.next.set(key, entry);
    this.changed = true;
  }

  /** Ranges located in the file of an entry in earlier runs. */
  located(key: string): LocatedRanges | undefined {
    const ranges = this.previousLocated.get(key);
    if (ranges) this.nextLocated.set(key, ranges);
    return ranges;
  }

  /** Keeps the ranges located in an entry's file this run (a superset of what `located` gave). */
  setLocated(key: string, ranges: LocatedRanges): void {
    if (ranges.length === (this.nextLocated.get(key)?.length ?? 0)) return;
    this.nextLocated.set(key, ranges);
    this.changed = true;
  }

  /** Writes the entries this run used (atomically: a crash leaves the old cache or the new one). */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    writeCacheFile(this.file, this.stamp, { entries: this.next, located: this.nextLocated });
  }

  private read(): Pick<CacheFile, 'entries' | 'located'> {
    const data = readCacheFile<CacheFile>(this.file, this.stamp);
    if (data?.entries instanceof Map && data.located instanceof Map) return { entries: data.entries, located: data.located };
    return { entries: new Map(), located: new Map() };
  }
}

function yamlVersion(): string {
  const pkg = createRequire(import.meta.url)('yaml/package.json') as { version?: string };
  return pkg.version ?? 'unknown';
}
