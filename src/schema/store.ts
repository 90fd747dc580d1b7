import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlib } from '../load/lazy-builtins.js';
import type { KubeSchemaBundle } from './types.js';

/** Which `apiVersion` serves which kinds, per Kubernetes version: `{"1.35": {"apps/v1": ["Deployment", …]}}`. */
export type ServedTable = Record<string, Record<string, string[]>>;

const SERVED_FILE = 'served.json';

/** `schemas/kubernetes` of the installed package (found from this module, in `src/` or `dist/src/`). */
export const EMBEDDED_SCHEMA_DIR = findEmbeddedDir();

function findEmbeddedDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'schemas', 'kubernetes');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas/kubernetes');
}

export function bundleFile(dir: string, version: string): string {
  return path.join(dir, `${version}.json.gz`);
}

export function writeBundle(dir: string, bundle: KubeSchemaBundle): string {
  mkdirSync(dir, { recursive: true });
  const file = bundleFile(dir, bundle.kubernetesVersion);
  writeFileSync(file, zlib().gzipSync(JSON.stringify(bundle), { level: 9 }));
  return file;
}

export function readBundle(file: string): KubeSchemaBundle {
  return JSON.parse(zlib().gunzipSync(readFileSync(file)).toString('utf8')) as KubeSchemaBundle;
}

/** Kubernetes versions with a bundle in `dir`, oldest first. */
export function bundleVersions(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^(\d+\.\d+)\.json\.gz$/.exec(f)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort(compareVersions);
}

export function readServedTable(dir: string): ServedTable {
  const file = path.join(dir, SERVED_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServedTable) : {};
}

/** Records which kinds a version serves, keeping the other versions' entries. */
export function writeServedEntry(dir: string, version: string, kinds: Iterable<string>): void {
  const table = readServedTable(dir);
  const byApiVersion: Record<string, string[]> = {};
  for (const key of [...kinds].sort()) {
    const slash = key.lastIndexOf('/');
    (byApiVersion[key.slice(0, slash)] ??= []).push(key.slice(slash + 1));
  }
  table[version] = byApiVersion;
  const ordered = Object.fromEntries(Object.keys(table).sort(compareVersions).map((v) => [v, table[v]]));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, SERVED_FILE), `${JSON.stringify(ordered, null, 0).replace(/\],"/g, '],\n"').replace(/\},"/g, '},\n"')}\n`);
}

export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}
