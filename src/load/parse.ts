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
  docs.forEach((doc, documentIndex) => {
    result.documents++;
    documentToObjects(doc, { file, documentIndex, lineCounter }, result);
  });
  return result;
}

interface DocContext {
  file: string;
  documentIndex: number;
  lineCounter: LineCounter;
}

function documentToObjects(doc: Document.Parsed, ctx: DocContext, out: ParsedFile): void {
  const { file, lineCounter } = ctx;
  const rangeOf = (err: YAMLError): Range => offsetsToRange(lineCounter, err.pos[0], err.pos[1]);
  const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') {
      out.problems.push({ ruleId: 'invalid-yaml', file, range: rangeOf(err), message: `${firstLine(err.message)}; the API server's strict field validation rejects duplicate fields, so remove one of them` });
    }
  }
  if (fatal.length) {
    const err = fatal[0];
    out.problems.push({ ruleId: 'invalid-yaml', file, range: rangeOf(err), message: `YAML syntax error: ${firstLine(err.message)}` });
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
