import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Where `--cache` keeps parsed files when no location is given. */
export function defaultCacheLocation(cwd: string): string {
  return existsSync(path.join(cwd, 'node_modules')) ? path.join(cwd, 'node_modules', '.cache', 'kubeknit') : path.join(cwd, '.kubeknit-cache');
}

const CACHE_FILE = 'parsed-files.bin';

interface CacheFile {
  /** kubeknit and yaml versions: a cache written by another version is dropped whole. */
  stamp: string;
  /** v8-serialized portable file loads, by key (file name + content hash). */
  entries: Map<string, Uint8Array>;
}

/**
 * Parsed files from earlier runs, one file on disk. An entry is found by the file's name and a
 * hash of its text, so an edited file misses; entries this run did not use are dropped on save.
 */
export class ParseCache {
  private readonly previous: Map<string, Uint8Array>;
  private readonly next = new Map<string, Uint8Array>();
  private changed = false;
  private readonly file: string;
  private readonly stamp: string;

  constructor(location: string, toolVersion: string) {
    this.file = path.join(location, CACHE_FILE);
    this.stamp = `kubeknit ${toolVersion}; yaml ${yamlVersion()}`;
    this.previous = this.read();
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

  /** Writes the entries this run used (atomically: a crash leaves the old cache or the new one). */
  save(): void {
    if (!this.changed && this.next.size === this.previous.size) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const data: CacheFile = { stamp: this.stamp, entries: this.next };
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(data));
    renameSync(temporary, this.file);
  }

  private read(): Map<string, Uint8Array> {
    try {
      const data = deserialize(readFileSync(this.file)) as Partial<CacheFile>;
      return data.stamp === this.stamp && data.entries instanceof Map ? data.entries : new Map();
    } catch {
      return new Map(); // no cache yet, or an unreadable one: start afresh
    }
  }
}

function yamlVersion(): string {
  const pkg = createRequire(import.meta.url)('yaml/package.json') as { version?: string };
  return pkg.version ?? 'unknown';
}
