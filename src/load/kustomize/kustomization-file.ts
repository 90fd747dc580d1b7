import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FieldPath, JsonObject, Range } from '../../types.js';
import { locatePath } from '../locate.js';

/** The names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A kustomization file read once: its content, and where each entry stands in it. */
export interface KustomizationFile {
  /** Absolute path of the file. */
  file: string;
  dir: string;
  kind: 'Kustomization' | 'Component';
  body: JsonObject;
  /** The range of an entry (`namePrefix`, `patches[1]`, `images[0]`); the file start when it is missing. */
  locate(path: FieldPath): Range;
}

/** The kustomization file of a directory (whose entry names the caller may have read already), or undefined. */
export function kustomizationIn(dir: string, names?: readonly string[]): string | undefined {
  let entries: readonly string[];
  try {
    entries = names ?? readdirSync(dir);
  } catch {
    return undefined;
  }
  const name = KUSTOMIZATION_NAMES.find((n) => entries.includes(n));
  return name ? path.join(dir, name) : undefined;
}

export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_NAMES.includes(path.basename(file));
}

const read = new Map<string, KustomizationFile | undefined>();

/** Reads and parses a kustomization file (memoised per run by `forgetKustomizationFiles`); undefined when unreadable. */
export function readKustomizationFile(file: string): KustomizationFile | undefined {
  const abs = path.resolve(file);
  if (read.has(abs)) return read.get(abs);
  let parsed: KustomizationFile | undefined;
  try {
    const lines = new LineCounter();
    const doc: Document = parseDocument(readFileSync(abs, 'utf8'), { lineCounter: lines, uniqueKeys: false });
    const json: unknown = doc.toJS({ maxAliasCount: 100 });
    const body = json && typeof json === 'object' && !Array.isArray(json) ? (json as JsonObject) : {};
    const root = doc.contents as Node | null;
    parsed = {
      file: abs, dir: path.dirname(abs), kind: body.kind === 'Component' ? 'Component' : 'Kustomization', body,
      locate: (p) => (root ? locatePath(root, p, lines, doc) : { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }),
    };
  } catch {
    parsed = undefined;
  }
  read.set(abs, parsed);
  return parsed;
}

/** Drops what `readKustomizationFile` kept (each lint reads the files afresh). */
export function forgetKustomizationFiles(): void {
  read.clear();
}

/** Strings of a list field (`resources`, `components`…), skipping anything else. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function objectList(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter((v): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v)) : [];
}

/** A remote resource (git URL, http) that kustomize fetches; nothing on disk to map to. */
function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:(\/\/|:)/i.test(entry) || entry.startsWith('git@') || /^(github|gitlab|bitbucket)\.(com|org)\//i.test(entry);
}

/** Keys whose entries kustomize may fetch from the network. */
const FETCHABLE_KEYS = ['resources', 'bases', 'components', 'crds', 'transformers', 'generators', 'validators'];

/** The first entry of the kustomization that kustomize would fetch from the network, with where it stands. */
export function firstRemoteEntry(k: KustomizationFile): { entry: string; path: FieldPath } | undefined {
  for (const key of FETCHABLE_KEYS) {
    const list = k.body[key];
    if (!Array.isArray(list)) continue;
    const index = list.findIndex((entry) => typeof entry === 'string' && isRemote(entry.trim()));
    if (index >= 0) return { entry: String(list[index]).trim(), path: [key, index] };
  }
  return undefined;
}

/**
 * What a kustomization uses from disk: the kustomization directories it builds on (resources and
 * components that are directories) and the files it reads (resources, patches, generator sources).
 */
export function referencedPaths(k: KustomizationFile): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  const add = (entry: string) => {
    if (isRemote(entry)) return;
    const abs = path.resolve(k.dir, entry);
    try {
      if (statSync(abs).isDirectory()) dirs.push(abs);
      else files.push(abs);
    } catch {
      // kustomize reports a missing path when it builds
    }
  };
  const b = k.body;
  for (const key of ['resources', 'bases', 'components', 'crds', 'patchesStrategicMerge', 'transformers', 'generators', 'validators']) {
    for (const entry of stringList(b[key])) if (!entry.includes('\n')) add(entry);
  }
  for (const key of ['patches', 'patchesJson6902', 'replacements']) {
    for (const entry of objectList(b[key])) if (typeof entry.path === 'string') add(entry.path);
  }
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    for (const gen of objectList(b[key])) {
      for (const source of [...stringList(gen.files), ...stringList(gen.envs)]) add(source.includes('=') ? source.slice(source.indexOf('=') + 1) : source);
      if (typeof gen.env === 'string') add(gen.env);
    }
  }
  return { dirs, files };
}
