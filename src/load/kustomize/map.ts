import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FieldPath, JsonObject, JsonValue, K8sObject, ObjectSource, Range } from '../../types.js';
import { parseFieldPath, type PathSegment } from '../field-path.js';
import { refuseDeepDocuments } from '../nesting-scan.js';
import { parseStream } from '../parse.js';
import { FILE_START } from '../problems.js';
import { readKustomizationFile, stringList, type KustomizationFile } from './kustomization-file.js';
import type { Origin } from './origin.js';

/** A place in a file people edit. */
export interface SourcePlace {
  file: string;
  range: Range;
}

/** Reads and parses the files objects came from, once per build. */
export class OriginFiles {
  private readonly parsed = new Map<string, { objects: K8sObject[]; text: string } | undefined>();

  constructor(readonly display: (abs: string) => string) {}

  objects(abs: string): K8sObject[] {
    return this.read(abs)?.objects ?? [];
  }

  /** The texts read, by display path (for `# kubeknit-disable` comments). */
  texts(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [abs, read] of this.parsed) if (read) out.set(this.display(abs), read.text);
    return out;
  }

  private read(abs: string) {
    if (!this.parsed.has(abs)) {
      let value: { objects: K8sObject[]; text: string } | undefined;
      try {
        const text = readFileSync(abs, 'utf8');
        value = { text, objects: parseStream(this.display(abs), refuseDeepDocuments(abs, text)?.rest ?? text).objects };
      } catch {
        value = undefined;
      }
      this.parsed.set(abs, value);
    }
    return this.parsed.get(abs);
  }
}

/**
 * The source of a built object: the document it came from, with each field located where it was
 * written: in that document when the built value is the one written there; else at the entry of the
 * kustomization that set it (a patch, namePrefix, namespace, labels, images, replicas, a generator);
 * else at the start of the document.
 */
/**
 * The names and namespaces a build changed: original name → built name, original namespace → built
 * namespace. A value that still names the old one is a reference the build broke.
 */
export class BuildNames {
  private readonly renamed = new Set<string>();
  /** Built name → the namespaces objects of that name are in. */
  private readonly names = new Map<string, Set<string | null>>();

  add(built: K8sObject, original: K8sObject | undefined): void {
    let namespaces = this.names.get(built.name);
    if (!namespaces) this.names.set(built.name, (namespaces = new Set()));
    namespaces.add(built.namespace);
    if (original && original.name !== built.name) this.renamed.add(original.name);
  }

  /**
   * What of the build a reference breaks: `name` when it names an object by the name it had before
   * a prefix or suffix; `namespace` when it names `<name>.<namespace>` of a built object that is in
   * another namespace (the build moved it).
   */
  brokenBy(value: string): 'name' | 'namespace' | undefined {
    const labels = value.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);
    if (labels.some((l) => this.renamed.has(l) && !this.names.has(l))) return 'name';
    for (let i = 0; i + 1 < labels.length; i++) {
      const namespaces = this.names.get(labels[i]);
      const dnsName = i + 2 >= labels.length || labels[i + 2] === 'svc';
      if (namespaces && dnsName && !namespaces.has(labels[i + 1])) return 'namespace';
    }
    return undefined;
  }
}

/** Fields that name other objects (`configMapKeyRef.name`, `serviceName`, an env value with a URL), not an item's own name. */
function isReference(segments: readonly PathSegment[]): boolean {
  const last = segments.at(-1);
  const before = segments.at(-2);
  if (last === 'value' || last === 'command' || last === 'args' || typeof last === 'number') return true;
  if (typeof last !== 'string' || !/(name|namespace|host)$/i.test(last)) return false;
  return typeof before !== 'number' || segments.at(-3) === 'subjects';
}

export function mappedSource(built: K8sObject, origin: Origin, root: KustomizationFile, files: OriginFiles, names: BuildNames): ObjectSource {
  const rootDisplay = files.display(root.file);
  const original = origin.file ? findOriginal(files.objects(origin.file), built) : undefined;
  names.add(built, original);
  const chain = [...origin.transformedIn].reverse().map(readKustomizationFile).filter((k): k is KustomizationFile => !!k);
  const generator = origin.generatedIn ? generatorEntry(origin.generatedIn, built, files.display) : undefined;
  const home: SourcePlace = original
    ? { file: original.source.file, range: original.source.range }
    : generator ?? { file: origin.file ? files.display(origin.file) : rootDisplay, range: FILE_START };
  const locateSource = (fieldPath: FieldPath): SourcePlace => {
    const segments = parseFieldPath(fieldPath);
    if (original) {
      const before = valueAt(original.body, segments);
      const after = valueAt(built.body, segments);
      if (writtenThere(before, after)) {
        const broken = typeof after === 'string' && isReference(segments) ? names.brokenBy(after) : undefined;
        const by = broken ? chain.find((k) => (broken === 'name' ? ['namePrefix', 'nameSuffix'] : ['namespace']).some((key) => typeof k.body[key] === 'string')) : undefined;
        if (by) return { file: files.display(by.file), range: by.locate(broken === 'name' ? (typeof by.body.namePrefix === 'string' ? 'namePrefix' : 'nameSuffix') : 'namespace') };
        return { file: original.source.file, range: original.source.locate(segments) };
      }
    }
    for (const k of chain) {
      const entry = responsibleEntry(k, segments, built, original);
      if (entry !== undefined) return { file: files.display(k.file), range: k.locate(entry) };
    }
    if (generator) return generator;
    return home;
  };
  return {
    file: home.file,
    documentIndex: original?.source.documentIndex ?? 0,
    range: home.range,
    locate: (p) => locateSource(p).range,
    locateSource,
    rendered: { by: 'kustomize', kustomization: rootDisplay },
  };
}

/** The document an object came from: same kind, and the name kustomize started from (it adds prefixes, suffixes, hashes). */
function findOriginal(candidates: readonly K8sObject[], built: K8sObject): K8sObject | undefined {
  const sameKind = candidates.filter((c) => c.kind === built.kind);
  const exact = sameKind.find((c) => c.name === built.name);
  if (exact) return exact;
  const contained = sameKind.filter((c) => built.name.includes(c.name)).sort((a, b) => b.name.length - a.name.length);
  return contained[0] ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}

const MISSING = Symbol('missing');
type Found = JsonValue | typeof MISSING;

function valueAt(body: JsonObject, segments: readonly PathSegment[]): Found {
  let node: JsonValue | undefined = body;
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') return MISSING;
    if (Array.isArray(node)) {
      if (typeof seg !== 'number' || seg >= node.length) return MISSING;
      node = node[seg];
    } else {
      if (!Object.hasOwn(node, String(seg))) return MISSING;
      node = node[String(seg)];
    }
  }
  return node === undefined ? MISSING : node;
}

/**
 * Whether the source document is where a field is to be changed: a scalar there has the built value;
 * a map there keeps every scalar it sets (transformers may add keys: labels to a selector); a list
 * there, or a map whose nested parts a patch changed, is still the one a finding about it (a key it
 * lacks) is fixed in. A field missing from both is added in the source document too.
 */
function writtenThere(before: Found, after: Found): boolean {
  if (before === MISSING || after === MISSING) return before === after;
  if (isMap(before) && isMap(after)) {
    return Object.entries(before).every(([k, v]) => Object.hasOwn(after, k) && (v !== null && typeof v === 'object' ? true : v === after[k]));
  }
  if (Array.isArray(before) && Array.isArray(after)) return true;
  return JSON.stringify(before) === JSON.stringify(after);
}

function isMap(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The entry of one kustomization that set a field (as a path into the kustomization file), or undefined. */
function responsibleEntry(k: KustomizationFile, segments: readonly PathSegment[], built: K8sObject, original: K8sObject | undefined): FieldPath | undefined {
  const b = k.body;
  const [first, second] = segments;
  const has = (key: string) => Object.hasOwn(b, key) && b[key] !== null && b[key] !== undefined;
  if (first === 'metadata' && second === 'namespace' && has('namespace')) return ['namespace'];
  if (first === 'metadata' && second === 'name') {
    if (has('namePrefix')) return ['namePrefix'];
    if (has('nameSuffix')) return ['nameSuffix'];
  }
  const renamed = renamedBy(k, valueAt(built.body, segments), original ? valueAt(original.body, segments) : MISSING);
  if (renamed) return renamed;
  const patch = patchEntry(k, segments, original ?? built);
  if (patch) return patch;
  const last = segments.findLast((s): s is string => typeof s === 'string');
  if (last === 'image') {
    const image = valueAt(built.body, segments);
    const i = listIndex(b.images, (e) => typeof image === 'string' && typeof e.name === 'string' && (image.startsWith(`${e.name}:`) || image.startsWith(`${e.name}@`) || image === e.name || (typeof e.newName === 'string' && image.startsWith(e.newName))));
    if (i >= 0) return ['images', i];
  }
  if (first === 'spec' && second === 'replicas') {
    const i = listIndex(b.replicas, (e) => e.name === built.name || e.name === original?.name);
    if (i >= 0) return ['replicas', i];
  }
  if (segments.some((s) => s === 'labels' || s === 'selector' || s === 'matchLabels')) {
    if (has('commonLabels')) return ['commonLabels'];
    if (has('labels')) return ['labels'];
  }
  if (first === 'metadata' && second === 'annotations' && has('commonAnnotations')) return ['commonAnnotations'];
  return undefined;
}

/** A name that kustomize changed: a reference to a renamed or generated object. */
function renamedBy(k: KustomizationFile, after: Found, before: Found): FieldPath | undefined {
  if (typeof after !== 'string' || after === before) return undefined;
  const b = k.body;
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    const i = listIndex(b[key], (e) => typeof e.name === 'string' && e.name !== '' && after.includes(e.name) && (before === MISSING || before === e.name));
    if (i >= 0) return [key, i];
  }
  if (typeof before !== 'string') return undefined;
  const prefix = typeof b.namePrefix === 'string' ? b.namePrefix : '';
  const suffix = typeof b.nameSuffix === 'string' ? b.nameSuffix : '';
  if (prefix && after.startsWith(prefix) && after.includes(before)) return ['namePrefix'];
  if (suffix && after.endsWith(suffix) && after.includes(before)) return ['nameSuffix'];
  return undefined;
}

function listIndex(value: unknown, test: (entry: JsonObject) => boolean): number {
  if (!Array.isArray(value)) return -1;
  for (let i = value.length - 1; i >= 0; i--) {
    const entry: unknown = value[i];
    if (entry && typeof entry === 'object' && !Array.isArray(entry) && test(entry as JsonObject)) return i;
  }
  return -1;
}

/**
 * The last patch of a kustomization that applies to the object and names the field's key. A patch
 * names its target (`target:`), or is a partial manifest with the object's kind and name.
 */
function patchEntry(k: KustomizationFile, segments: readonly PathSegment[], subject: K8sObject): FieldPath | undefined {
  const key = segments.findLast((s): s is string => typeof s === 'string');
  if (key === undefined) return undefined;
  const candidates: Array<{ at: FieldPath; text: string; target?: JsonObject }> = [];
  const b = k.body;
  for (const list of ['patches', 'patchesJson6902']) {
    const entries = Array.isArray(b[list]) ? (b[list] as unknown[]) : [];
    entries.forEach((entry, i) => {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return;
      const e = entry as JsonObject;
      const text = typeof e.patch === 'string' ? e.patch : typeof e.path === 'string' ? readText(path.resolve(k.dir, e.path)) : undefined;
      if (text !== undefined) candidates.push({ at: [list, i], text, target: isMap(e.target ?? null) ? (e.target as JsonObject) : undefined });
    });
  }
  stringList(b.patchesStrategicMerge).forEach((entry, i) => {
    const text = entry.includes('\n') ? entry : readText(path.resolve(k.dir, entry));
    if (text !== undefined) candidates.push({ at: ['patchesStrategicMerge', i], text });
  });
  const mentions = new RegExp(`(^|[\\s/{,"'])${escapeRegExp(key)}(["']?\\s*:|/|$|["'\\s,}])`, 'm');
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i];
    if (!appliesTo(c.target, c.text, subject)) continue;
    if (mentions.test(c.text)) return c.at;
  }
  return undefined;
}

function appliesTo(target: JsonObject | undefined, text: string, subject: K8sObject): boolean {
  if (target) {
    if (typeof target.kind === 'string' && target.kind !== subject.kind) return false;
    if (typeof target.name === 'string' && !nameMatches(target.name, subject.name)) return false;
    return true;
  }
  const kind = /^kind:\s*["']?([\w.-]+)/m.exec(text)?.[1];
  const name = /^\s{2}name:\s*["']?([\w.-]+)/m.exec(text)?.[1];
  return (kind === undefined || kind === subject.kind) && (name === undefined || name === subject.name);
}

/** kustomize reads target names as regular expressions; kubeknit understands the plain names and `.*` wildcards. */
function nameMatches(pattern: string, name: string): boolean {
  if (pattern === name) return true;
  if (!/^[\w.*-]+$/.test(pattern)) return false;
  const parts = pattern.split('.*');
  if (parts.length === 1) return false;
  let at = 0;
  for (const [i, part] of parts.entries()) {
    const found = i === 0 ? (name.startsWith(part) ? 0 : -1) : name.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return parts.at(-1) === '' || name.endsWith(parts.at(-1) ?? '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patchTexts = new Map<string, string | undefined>();

function readText(file: string): string | undefined {
  if (!patchTexts.has(file)) {
    try {
      patchTexts.set(file, readFileSync(file, 'utf8'));
    } catch {
      patchTexts.set(file, undefined);
    }
  }
  return patchTexts.get(file);
}

export function forgetPatchTexts(): void {
  patchTexts.clear();
}

/** The generator entry that made an object, in its kustomization file. */
function generatorEntry(kustomizationFile: string, built: K8sObject, display: (abs: string) => string): SourcePlace | undefined {
  const k = readKustomizationFile(kustomizationFile);
  if (!k) return undefined;
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    const list = Array.isArray(k.body[key]) ? (k.body[key] as unknown[]) : [];
    let best = -1;
    let bestLength = -1;
    list.forEach((entry, i) => {
      const name = entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject).name : undefined;
      if (typeof name === 'string' && built.name.includes(name) && name.length > bestLength) {
        best = i;
        bestLength = name.length;
      }
    });
    const kindMatches = (key === 'configMapGenerator') === (built.kind === 'ConfigMap');
    if (best >= 0 && kindMatches) return { file: display(k.file), range: k.locate([key, best]) };
  }
  return { file: display(k.file), range: FILE_START };
}
