import type { Fix } from '../fix/types.js';
import { createHash, hash } from 'node:crypto';
import path from 'node:path';
import { parsedBodyName } from '../load/cache.js';
import { readCacheFile, writeCacheFile } from '../load/cache-file.js';
import { v8 } from '../load/lazy-builtins.js';
import type { PathSegment } from '../load/field-path.js';
import type { MessageData } from '../engine/rule.js';
import type { SchemaMessageId } from './messages.js';
import { ajvVersion } from './ajv.js';

/** One problem `schema-violation` reports: a field path in the object and what is wrong there. */
export interface SchemaIssue {
  path: PathSegment[];
  /** An id of `SCHEMA_MESSAGES`, the data filling its template, and the text they make. */
  messageId: SchemaMessageId;
  data: MessageData;
  message: string;
  /** The repair, where one is certain (a misspelt field with one close match, an enum value in the wrong case, a number a string field wants). */
  fix?: Fix;
}

const CACHE_FILE = 'schema-results.bin';
/** The shape of the issues stored: entries of another shape (an older build of the same version) are dropped. */
const ISSUE_FORMAT = 'issues with message ids';

interface CacheFile {
  /** kubeknit and ajv versions: results written by other versions are dropped whole. */
  stamp: string;
  entries: Map<string, SchemaIssue[]>;
}

/**
 * Schema validation results of earlier runs (`--cache`), one file in the cache folder, read on
 * first use and written once by `save()`. An entry is found by a hash of the schema settings, the
 * schema's identity (its content: bundle, CRD or schema file) and the object's body, so an edited
 * object, another Kubernetes version or a changed CRD misses. Entries this run did not use are dropped.
 */
export class ValidationCache {
  private previous: Map<string, SchemaIssue[]> | undefined;
  private readonly next = new Map<string, SchemaIssue[]>();
  private changed = false;
  /** Results found in the cache, and results that had to be computed, this run. */
  hits = 0;
  misses = 0;
  private readonly file: string;
  private readonly stamp: string;

  constructor(location: string, toolVersion: string) {
    this.file = path.join(location, CACHE_FILE);
    this.stamp = `kubeknit ${toolVersion}; ajv ${ajvVersion()}; ${ISSUE_FORMAT}`;
  }

  /** The key of an object's results: `settings` (Kubernetes version, schema locations), `schemaId` from the registry, and the body as parsed. */
  static key(settings: string, schemaId: string, body: unknown): string {
    // A body parsed from a file the parse cache knows is named by that file's text: no need to hash it.
    const parsedFrom = body && typeof body === 'object' ? parsedBodyName(body) : undefined;
    if (parsedFrom !== undefined) return hash('sha256', `${settings}\0${schemaId}\0parsed ${parsedFrom}`, 'base64');
    const text = exactText(body);
    // crypto.hash (one call) costs less than a Hash object per object; v8's bytes need the object
    if (typeof text === 'string') return hash('sha256', `${settings}\0${schemaId}\0${text}`, 'base64');
    return createHash('sha256').update(settings).update('\0').update(schemaId).update('\0').update(text).digest('base64');
  }

  get(key: string): SchemaIssue[] | undefined {
    const entry = (this.previous ??= this.read()).get(key);
    if (entry) {
      this.next.set(key, entry);
      this.hits++;
    } else {
      this.misses++;
    }
    return entry;
  }

  set(key: string, issues: SchemaIssue[]): void {
    this.next.set(key, issues);
    this.changed = true;
  }

  /** Writes the entries this run used (atomically: a crash leaves the old file or the new one); a run that validated nothing writes nothing. */
  save(): void {
    if (!this.previous || (!this.changed && this.next.size === this.previous.size)) return;
    writeCacheFile(this.file, this.stamp, { entries: this.next });
  }

  private read(): Map<string, SchemaIssue[]> {
    const data = readCacheFile<CacheFile>(this.file, this.stamp);
    return data?.entries instanceof Map ? data.entries : new Map();
  }
}

/**
 * The body as text that tells apart any two bodies a schema could tell apart: JSON (key order
 * kept), or v8's serialization (several times slower) where JSON would blur a value: NaN and
 * Infinity (YAML's .nan, .inf) both print as null.
 */
function exactText(body: unknown): string | Uint8Array {
  try {
    const json = JSON.stringify(body);
    if (!json.includes('null') || !hasNonJsonValue(body)) return json;
  } catch {
    // a value JSON cannot print (a BigInt)
  }
  return v8().serialize(body);
}

function hasNonJsonValue(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === undefined) return true;
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasNonJsonValue);
}
