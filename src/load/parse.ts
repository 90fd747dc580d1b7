import { isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLError } from 'yaml';
import type { JsonObject, K8sObject, Range } from '../types.js';
import { locatePath, offsetsToRange } from './locate.js';
import type { LoadProblem } from './problems.js';
import { CLUSTER_SCOPED_KINDS, splitApiVersion } from './scope.js';

export interface ParsedFile {
  file: string;
  objects: K8sObject[];
  problems: LoadProblem[];
  documents: number;
}

/** Aliases a document may expand; a "billion laughs" file hits this instead of the memory limit. */
const MAX_ALIAS_COUNT = 1000;

/** Parses one file's text (every YAML document in it) into typed objects and problems. */
export function parseManifestText(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { file, objects: [], problems: [], documents: 0 };
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (err) {
    result.problems.push({ ruleId: 'invalid-yaml', file, range: offsetsToRange(lineCounter, 0, 0), message: `cannot parse YAML: ${errorText(err)}` });
    return result;
  }
  let documentIndex = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    result.documents++;
    const resumeAt = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY') ? nextDocumentMarker(source, doc.range[0], doc.range[2]) : -1;
    const errorLimit = resumeAt > 0 ? source.lastIndexOf('\n', resumeAt - 2) + 1 : Infinity;
    documentToObjects(doc, { file, documentIndex: documentIndex++, lineCounter, source, errorLimit }, result);
    if (resumeAt > 0) {
      // An error (say, an unclosed quote) swallowed the `---` of later documents: parse again from
      // the first marker inside the broken document, with the text before it blanked so offsets stay exact.
      const rest = parseAllDocuments(source.slice(0, resumeAt).replace(/[^\n]/g, ' ') + source.slice(resumeAt), { prettyErrors: false, uniqueKeys: true });
      docs.splice(i + 1, docs.length, ...(Array.isArray(rest) ? rest : []));
    }
  }
  return result;
}

/** Offset of the first line starting with `---` strictly inside [start, end), or -1. */
function nextDocumentMarker(text: string, start: number, end: number): number {
  const marker = /^---(?=\s|$)/gm;
  marker.lastIndex = start + 1;
  const match = marker.exec(text);
  return match && match.index < end ? match.index : -1;
}

interface DocContext {
  file: string;
  documentIndex: number;
  lineCounter: LineCounter;
  /** The file's text (without byte-order mark), for quoting it in messages. */
  source: string;
  /** Errors past this offset are shown here: the last line of a document another one was recovered after. */
  errorLimit?: number;
}

function documentToObjects(doc: Document.Parsed, ctx: DocContext, out: ParsedFile): void {
  const { file, lineCounter } = ctx;
  const limit = ctx.errorLimit ?? Infinity;
  const rangeOf = (err: YAMLError): Range => err.pos[0] >= limit ? offsetsToRange(lineCounter, limit, limit) : offsetsToRange(lineCounter, err.pos[0], err.pos[1]);
  const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') {
      const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n#]+?)\s*:/.exec(ctx.source.slice(err.pos[0], err.pos[0] + 300))?.[1] ?? '?';
      out.problems.push({ ruleId: 'invalid-yaml', file, range: rangeOf(err), message: `duplicate key "${key.slice(0, 80)}" in a mapping; the API server's strict field validation rejects duplicate fields, so remove one of them` });
    }
  }
  if (fatal.length) {
    // A value continued on a wrongly indented line shows up as a multi-line key: the line to fix is
    // where that "key" ends (the `:`), not where the value began.
    const multiline = fatal.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
    const err = multiline ?? fatal[0];
    const range = multiline ? rangeOf({ ...multiline, pos: [multiline.pos[1], multiline.pos[1]] } as YAMLError) : rangeOf(err);
    const hint = multiline ? ' (check the indentation of this line)' : '';
    out.problems.push({ ruleId: 'invalid-yaml', file, range, message: `YAML syntax error: ${firstLine(err.message)}${hint}` });
    return;
  }
  const contents = doc.contents as Node | null;
  if (contents === null || contents === undefined) return; // empty or comment-only: fine and silent
  const docRange = nodeRange(contents, lineCounter);
  if (!isMap(contents)) {
    // a bare `null`/`~` document is as empty as a blank one
    if (!isSeq(contents) && (contents as { value?: unknown }).value === null) return;
    out.problems.push({ ruleId: 'invalid-object', file, range: docRange, message: `document is not a mapping (found ${isSeq(contents) ? 'a list' : 'a scalar'}); a Kubernetes object is a mapping with apiVersion, kind and metadata` });
    return;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    out.problems.push({ ruleId: 'invalid-yaml', file, range: docRange, message: `cannot expand document: ${errorText(err)}` });
    return;
  }
  const body = value as JsonObject;
  if (isListKind(body)) {
    const itemsNode = contents.get('items', true) as Node | undefined;
    const items = Array.isArray(body.items) ? body.items : [];
    items.forEach((item, itemIndex) => {
      const node = isSeq(itemsNode) ? (itemsNode.items[itemIndex] as Node) : contents;
      addObject(item, node, { ...ctx, itemIndex }, out, `items[${itemIndex}] of the ${String(body.kind)}`);
    });
    return;
  }
  addObject(body, contents, ctx, out, undefined);
}

function isListKind(body: JsonObject): boolean {
  if (typeof body.kind !== 'string' || !body.kind.endsWith('List')) return false;
  return Array.isArray(body.items) || (body.kind === 'List' && (body.items === null || body.items === undefined));
}

function addObject(value: unknown, node: Node, ctx: DocContext & { itemIndex?: number }, out: ParsedFile, where: string | undefined): void {
  const { file, lineCounter } = ctx;
  const range = nodeRange(node, lineCounter);
  const locate = (path: Parameters<typeof locatePath>[1]) => locatePath(node, path, lineCounter);
  const prefix = where ? `${where}: ` : '';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.problems.push({ ruleId: 'invalid-object', file, range, message: `${prefix}not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata` });
    return;
  }
  const body = value as JsonObject;
  if (isNotAManifest(body, file)) return;
  const missing: string[] = [];
  if (typeof body.apiVersion !== 'string' || !body.apiVersion) missing.push('apiVersion');
  if (typeof body.kind !== 'string' || !body.kind) missing.push('kind');
  const metadata = isPlainObject(body.metadata) ? body.metadata : undefined;
  const name = typeof metadata?.name === 'string' && metadata.name ? metadata.name : undefined;
  const generateName = typeof metadata?.generateName === 'string' && metadata.generateName ? metadata.generateName : undefined;
  if (!name && !generateName) missing.push('metadata.name');
  if (missing.length) {
    const at = missing[0] === 'metadata.name' && metadata ? locate('metadata') : range;
    out.problems.push({
      ruleId: 'invalid-object', file, range: at,
      message: `${prefix}missing ${missing.map((m) => `"${m}"`).join(', ')}; every Kubernetes object needs apiVersion, kind and metadata.name (or metadata.generateName)`,
    });
    return;
  }
  const apiVersion = body.apiVersion as string;
  const kind = body.kind as string;
  const { group, version } = splitApiVersion(apiVersion);
  const namespaceValue = typeof metadata?.namespace === 'string' && metadata.namespace ? metadata.namespace : undefined;
  const namespace = CLUSTER_SCOPED_KINDS.has(kind) ? null : (namespaceValue ?? 'default');
  const objectName = name ?? `${generateName}*`;
  out.objects.push({
    id: objectId(kind, namespace, objectName),
    apiVersion, group, version, kind, name: objectName, namespace,
    labels: stringMap(metadata?.labels),
    annotations: stringMap(metadata?.annotations),
    body,
    source: { file, documentIndex: ctx.documentIndex, itemIndex: ctx.itemIndex, range, locate },
  });
}

/**
 * Files that are valid YAML/JSON but not API objects, skipped silently: JSON files with neither
 * apiVersion nor kind (package.json, seccomp profiles, schemas), and component configuration
 * (`apiVersion` + `kind` but no `metadata`, in a group the API server does not serve, e.g.
 * audit.k8s.io Policy, kubelet.config.k8s.io KubeletConfiguration, kind.x-k8s.io Cluster).
 */
function isNotAManifest(body: JsonObject, file: string): boolean {
  const hasApiVersion = typeof body.apiVersion === 'string' && body.apiVersion !== '';
  const hasKind = typeof body.kind === 'string' && body.kind !== '';
  if (!hasApiVersion && !hasKind) return file.toLowerCase().endsWith('.json') && body.apiVersion === undefined && body.kind === undefined;
  if (!hasApiVersion || !hasKind || body.metadata !== undefined) return false;
  return !SERVED_API_GROUPS.has(splitApiVersion(body.apiVersion as string).group);
}

/** API groups the Kubernetes API server serves (built in); custom resources need metadata too, but are indistinguishable from config files without it. */
const SERVED_API_GROUPS: ReadonlySet<string> = new Set([
  '', 'apps', 'batch', 'autoscaling', 'policy', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io',
  'discovery.k8s.io', 'node.k8s.io', 'certificates.k8s.io', 'events.k8s.io', 'flowcontrol.apiserver.k8s.io',
  'resource.k8s.io', 'apiregistration.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'storagemigration.k8s.io',
  'internal.apiserver.k8s.io',
]);

export function objectId(kind: string, namespace: string | null, name: string): string {
  return namespace === null ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPlainObject(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

export function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function nodeRange(node: Node, lineCounter: LineCounter): Range {
  const r = node.range;
  return r ? offsetsToRange(lineCounter, r[0], r[1]) : offsetsToRange(lineCounter, 0, 0);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function errorText(err: unknown): string {
  return firstLine(err instanceof Error ? err.message : String(err));
}
