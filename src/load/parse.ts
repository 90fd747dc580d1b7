import { Composer, isMap, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLError } from 'yaml';
import type { FieldPath, JsonObject, K8sObject, ObjectSource, Range } from '../types.js';
import { fastDocumentPositions, isSkipped, locateInPositions, readDocuments, type DocumentPositions, type FastDocument, type SkippedDocument } from './fast-parse.js';
import { normalizeFieldPath, parseFieldPath } from './field-path.js';
import { lineCounterOf, locatePath, offsetsToRange } from './locate.js';
import type { LoadProblem } from './problems.js';
import { isBuiltInGroup } from '../k8s/api-groups.js';
import { isPlainObject, labelMap, scalarText } from '../k8s/guards.js';
import { objectId } from '../k8s/object-id.js';
import { CLUSTER_SCOPED_KINDS, splitApiVersion } from '../k8s/scope.js';
import { KUBERNETES_YAML_OPTIONS } from './yaml-options.js';
import { counted } from './parse-count.js';
import { detectUnrenderedDocuments, hasDocumentEndLine, hasTemplateAction, holdsTemplateAction, markedDocuments, TEMPLATE_PARSE_OPTIONS, unrenderedProblem } from './detect.js';
import { editDistance } from '../suggest.js';

export interface ParsedFile {
  file: string;
  objects: K8sObject[];
  problems: LoadProblem[];
  documents: number;
  /** Per document index, where it stands in the text (for re-parsing it alone to locate a field). */
  spans?: DocumentSpan[];
  /** Per document index, where its nodes stand, for documents the fast reader read (offsets in the whole text). */
  positions?: Array<DocumentPositions | null>;
  /** Finds field ranges for the objects (not portable: dropped for workers and the cache). */
  locator?: SourceLocator;
}


/** Deeper than any real manifest (CRD schemas reach a few dozen); deeper input is refused, not recursed into. */
export const MAX_NESTING_DEPTH = 256;

/** Aliases a document may expand; a "billion laughs" file hits this instead of the memory limit. */
const MAX_ALIAS_COUNT = 1000;

/** The text as the parser reads it: without a byte-order mark (offsets count from after it). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The one seam between kubeknit and its YAML readers: parses one file's text (every YAML document
 * in it) into typed objects and problems. The fast reader takes what it can and yaml's document
 * model the rest; `KUBEKNIT_FAST_PARSE=0` leaves everything to yaml (the way out, should the two
 * ever disagree on a file). `templates`: documents that are unrendered Helm templates become one
 * `helm-template` problem each (first among the problems) instead of being read.
 */
export function parseStream(file: string, text: string, options: { templates?: boolean } = {}): ParsedFile {
  const source = withoutByteOrderMark(text);
  const templates = (options.templates ?? false) && hasTemplateAction(source);
  // With directives (`%YAML`, `%TAG`) the fast reader gives way to the full parse: known before parsing.
  const once = fastReaderOn() && !DIRECTIVE_LINE.test(source) ? parseManifestTextFast(file, source, templates) : null;
  if (once) return once;
  // The template check parses each document with template text on its own, then the rest is parsed.
  const unrendered = templates ? detectUnrenderedDocuments(file, source) : undefined;
  const rest = unrendered?.rest ?? source;
  const parsed = (fastReaderOn() && templates && !DIRECTIVE_LINE.test(rest) ? parseManifestTextFast(file, rest, false) : null) ?? parseManifestTextFully(file, rest);
  return unrendered ? { ...parsed, problems: [...unrendered.problems, ...parsed.problems] } : parsed;
}

/** Read on each use, so a test (or an embedding program) can switch it for one run. */
function fastReaderOn(): boolean {
  return process.env.KUBEKNIT_FAST_PARSE !== '0';
}

/**
 * The whole text through yaml's document model (`source` without its byte-order mark): the way for
 * what the fast reader leaves to yaml, and what it must match (tests compare the two).
 */
export function parseManifestTextFully(file: string, source: string): ParsedFile {
  const lineCounter = new LineCounter();
  const result: ParsedFile = { file, objects: [], problems: [], documents: 0, spans: [] };
  let docs: ParsedDocument[];
  try {
    docs = parseDocuments(source, lineCounter);
  } catch (err) {
    result.problems.push({ kind: 'yaml-syntax', file, range: offsetsToRange(lineCounter, 0, 0), message: `cannot parse YAML: ${errorText(err)}` });
    return result;
  }
  const hasDirectives = DIRECTIVE_LINE.test(source);
  result.spans = docs.map(({ doc }) => (hasDirectives ? null : documentSpan(doc)));
  const locator = new SourceLocator(source, result.spans ?? [], lineCounter);
  result.locator = locator;
  docs.forEach(({ doc, errorLimit }, documentIndex) => {
    result.documents++;
    keptWhileUseful(locator, documentIndex, doc, result, () => documentToObjects(doc, { file, documentIndex, lineCounter, source, errorLimit, locator }, result));
  });
  return result;
}

/**
 * The common case, read through `readDocuments`; yaml composes a document it skips from the tokens
 * the reader parsed (after a syntax error that swallowed a `---` line, the reader went on from that
 * line, as the full parse recovers). Null when the file needs the full parse: the reader cannot take it.
 */
function parseManifestTextFast(file: string, source: string, templates: boolean): ParsedFile | null {
  const lineCounter = new LineCounter();
  const withActions = templates ? markedDocuments(source).filter((d) => holdsTemplateAction(source, d)) : [];
  // The template check splits the text at its `---` lines; with a `...` line yaml may split it otherwise.
  if (withActions.length && hasDocumentEndLine(source)) return null;
  const read = readDocuments(source, lineCounter, { positions: true, keepTokens: (offset) => spanAt(withActions, offset) >= 0 });
  if (!read) return null;
  const unrendered = withActions.length ? unrenderedDocuments(file, source, read, withActions) : { problems: [], indexes: new Set<number>() };
  if (!unrendered) return null;
  const docs = unrendered.indexes.size ? read.filter((_, i) => !unrendered.indexes.has(i)) : read;
  const spans = docs.map((d) => d.span);
  const positions = docs.map((d) => (isSkipped(d) ? null : (d.positions ?? null)));
  const result: ParsedFile = { file, objects: [], problems: unrendered.problems, documents: docs.length, spans, positions };
  const locator = new SourceLocator(source, spans, lineCounter, positions);
  result.locator = locator;
  for (const [documentIndex, doc] of docs.entries()) {
    const ctx = { file, documentIndex, lineCounter, source, errorLimit: Infinity, locator };
    if (isSkipped(doc)) {
      if (!composeSkipped(doc, ctx, result)) return null;
      continue;
    }
    const { value, range, positions: nodes } = doc;
    if (value === null) continue;
    if (!isListKind(value)) {
      addObject(value, offsetsToRange(lineCounter, range[0], range[1]), ctx, result, undefined);
      continue;
    }
    if (!nodes) return null; // the items' ranges come from the positions
    const items = Array.isArray(value.items) ? value.items : [];
    items.forEach((item, itemIndex) => {
      const [start, end] = locateInPositions(nodes, ['items', itemIndex]);
      addObject(item, offsetsToRange(lineCounter, start, end), { ...ctx, itemIndex }, result, listItemName(value, itemIndex));
    });
  }
  return result;
}

/**
 * The documents of a text read once that are unrendered templates (their indexes, and a problem for
 * each), checked on the tokens the reader kept for the documents holding template text (`withActions`,
 * as the text's `---` lines split it). Null when yaml's documents are not those the lines make
 * (a quote left open across a `---`, say): the check then parses those documents on their own.
 */
function unrenderedDocuments(file: string, source: string, docs: ReadonlyArray<FastDocument | SkippedDocument>, withActions: ReadonlyArray<readonly [number, number]>): { problems: LoadProblem[]; indexes: Set<number> } | null {
  const marked = markedDocuments(source);
  const starts = new Set(docs.map((d) => d.span[0]));
  const markedStarts = new Set(marked.map(([start]) => start));
  const firstEnd = marked[0][1];
  if (marked.some(([start]) => start > 0 && !starts.has(start))) return null;
  if (docs.filter((d) => d.span[0] < firstEnd).length > 1 || docs.some((d) => d.span[0] >= firstEnd && !markedStarts.has(d.span[0]))) return null;
  const problems: LoadProblem[] = [];
  const indexes = new Set<number>();
  for (const [index, doc] of docs.entries()) {
    const token = doc.tokens?.[0];
    const at = spanAt(withActions, doc.span[0]);
    if (!token || at < 0) continue;
    let composed: Document.Parsed | undefined;
    try {
      [composed] = withoutErrorStacks(() => [...new Composer(TEMPLATE_PARSE_OPTIONS).compose([token])]);
    } catch {
      return null; // the check parses the document on its own, and meets what yaml throws there
    }
    const problem = composed && unrenderedProblem(file, source, withActions[at], composed, 0);
    if (problem) {
      problems.push(problem);
      indexes.add(index);
    }
  }
  return { problems, indexes };
}

/** The index of the sorted [start, end) span an offset falls in, or -1 (binary search: a stream may hold thousands). */
function spanAt(spans: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let [low, high] = [0, spans.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[mid][0]) high = mid - 1;
    else if (offset >= spans[mid][1]) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * A document the fast reader skipped, composed by yaml from the tokens the reader parsed (a
 * document's anchors and aliases are its own; offsets count in the whole text). False when a syntax
 * error in it swallowed a `---` line other than where the reader went on, or yaml throws.
 */
function composeSkipped(skipped: SkippedDocument, ctx: DocContext, out: ParsedFile): boolean {
  let docs: Document.Parsed[];
  try {
    docs = withoutErrorStacks(() => [...new Composer(KUBERNETES_YAML_OPTIONS).compose(skipped.tokens)]);
  } catch {
    return false;
  }
  if (docs.length !== 1) return false;
  const [doc] = docs;
  if (doc.errors.some((e) => e.code !== 'DUPLICATE_KEY') && nextDocumentMarker(ctx.source, doc.range[0], doc.range[2]) > 0) return false;
  keptWhileUseful(ctx.locator, ctx.documentIndex, doc, out, () => documentToObjects(doc, ctx, out));
  return true;
}

/** Lends the locator yaml's parse of a document while it is read, and leaves it there when it gave objects (whose fields are located later). */
function keptWhileUseful(locator: SourceLocator, documentIndex: number, doc: Document.Parsed, out: ParsedFile, read: () => void): void {
  const before = out.objects.length;
  locator.keep(documentIndex, doc);
  read();
  if (out.objects.length === before) locator.forget(documentIndex);
}

/**
 * Runs yaml with no stack traces captured for its errors: they are never shown, and capturing
 * them was half the time of a file of thousands of broken documents.
 */
function withoutErrorStacks<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

interface ParsedDocument {
  doc: Document.Parsed;
  /** Errors past this offset are shown here: the last line of a document another one was recovered after. */
  errorLimit: number;
}

/** Parses every document of a text, recovering the documents after a syntax error that swallowed their `---`. */
function parseDocuments(source: string, lineCounter?: LineCounter): ParsedDocument[] {
  const parsed = withoutErrorStacks(() => parseAllDocuments(counted(source), { ...KUBERNETES_YAML_OPTIONS, lineCounter }));
  const docs = Array.isArray(parsed) ? parsed : [];
  const out: ParsedDocument[] = [];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    const resumeAt = doc.errors.some((e) => e.code !== 'DUPLICATE_KEY') ? nextDocumentMarker(source, doc.range[0], doc.range[2]) : -1;
    out.push({ doc, errorLimit: resumeAt > 0 ? source.lastIndexOf('\n', resumeAt - 2) + 1 : Infinity });
    if (resumeAt > 0) {
      // An error (say, an unclosed quote) swallowed the `---` of later documents: parse again from
      // the first marker inside the broken document, with the text before it blanked so offsets stay exact.
      const rest = withoutErrorStacks(() => parseAllDocuments(counted(source.slice(0, resumeAt).replace(/[^\n]/g, ' ') + source.slice(resumeAt)), KUBERNETES_YAML_OPTIONS));
      docs.splice(i + 1, docs.length, ...(Array.isArray(rest) ? rest : []));
    }
  }
  return out;
}

/** Where a document stands in its file: [start, end) offsets, or null when it must be located by parsing the whole file. */
export type DocumentSpan = readonly [number, number] | null;

/** Field ranges a locator found, by its key (document, item, field path): kept by `--cache` for re-runs. */
export type LocatedRanges = ReadonlyArray<readonly [string, Range]>;

/**
 * Finds field ranges for the objects of one file. Documents the fast reader read keep compact node
 * positions from loading; documents yaml composed keep yaml's node tree (only those that gave an
 * object). Where neither is kept (a load rebuilt from a worker or the cache) a document is parsed
 * again, only when it needs a location, and the most recent ones are cached. A document that parsed
 * cleanly is re-parsed on its own (its span of the text).
 */
export class SourceLocator {
  private static readonly recent = new Map<string, { docs: Document.Parsed[]; base: number }>();
  /** Node positions of documents the fast reader reads (null: it does not, use `recent`). */
  private static readonly recentFast = new Map<string, DocumentPositions | null>();
  private static nextId = 0;
  private readonly id = SourceLocator.nextId++;
  private lines: LineCounter | undefined;
  /** yaml's documents kept from loading, by document index (offsets in the whole text). */
  private readonly documents = new Map<number, Document.Parsed>();

  /**
   * `source` is the text without its byte-order mark; the line counter is built on first use when
   * not given. `positions`, per document, are kept from loading; other documents are parsed again.
   */
  constructor(
    private readonly source: string,
    private readonly spans: readonly DocumentSpan[] = [],
    lineCounter?: LineCounter,
    private readonly positions: ReadonlyArray<DocumentPositions | null> = [],
  ) {
    this.lines = lineCounter;
  }

  /** Keeps yaml's parse of a document, so locating a field in it parses nothing again. */
  keep(documentIndex: number, doc: Document.Parsed): void {
    this.documents.set(documentIndex, doc);
  }

  forget(documentIndex: number): void {
    this.documents.delete(documentIndex);
  }

  get lineCounter(): LineCounter {
    this.lines ??= lineCounterOf(this.source);
    return this.lines;
  }

  /**
   * Ranges found before. The editor re-runs every rule on each keystroke; objects of unchanged
   * files keep their locator, so their findings' positions come from here instead of a re-parse.
   */
  private readonly located = new Map<string, Range>();

  /** Ranges located in an earlier run over the same text (`--cache`), as `locatedRanges` gave them. */
  remember(ranges: LocatedRanges): void {
    for (const [key, range] of ranges) this.located.set(key, range);
  }

  /** Every range located so far, for the cache. */
  locatedRanges(): LocatedRanges {
    return [...this.located];
  }

  get locatedCount(): number {
    return this.located.size;
  }

  /** The text of a range of the source, as written. */
  textOf(range: Range): string {
    const starts = this.lineCounter.lineStarts;
    const offset = (p: Range['start']) => (starts[p.line - 1] ?? this.source.length) + p.column - 1;
    return this.source.slice(offset(range.start), offset(range.end));
  }

  locate(documentIndex: number, itemIndex: number | undefined, path: FieldPath): Range {
    const key = `${documentIndex}|${itemIndex ?? ''}|${normalizeFieldPath(path)}`;
    let range = this.located.get(key);
    if (!range) this.located.set(key, (range = this.locateUncached(documentIndex, itemIndex, path)));
    return range;
  }

  private locateUncached(documentIndex: number, itemIndex: number | undefined, path: FieldPath): Range {
    const fast = this.documents.has(documentIndex) ? undefined : this.fastPositions(documentIndex);
    if (fast) {
      const segments = parseFieldPath(path);
      const [start, end] = locateInPositions(fast.positions, itemIndex === undefined ? segments : ['items', itemIndex, ...segments]);
      return offsetsToRange(this.lineCounter, start + fast.base, end + fast.base);
    }
    const { doc, base } = this.document(documentIndex);
    let node = doc?.contents as Node | null | undefined;
    if (itemIndex !== undefined && isMap(node)) {
      const items = node.get('items', true) as Node | undefined;
      if (isSeq(items)) node = items.items[itemIndex] as Node;
    }
    if (!node) return offsetsToRange(this.lineCounter, 0, 0);
    const lines = base === 0 ? this.lineCounter : shiftedLineCounter(this.lineCounter, base);
    return locatePath(node, path, lines, doc);
  }

  /** Positions kept from loading, or else from the fast reader on the document's own span, when it reads that way. */
  private fastPositions(documentIndex: number): { positions: DocumentPositions; base: number } | undefined {
    const kept = this.positions[documentIndex];
    if (kept) return { positions: kept, base: 0 };
    const span = this.spans[documentIndex];
    if (!span || !fastReaderOn()) return undefined;
    const positions = recentlyUsed(SourceLocator.recentFast, `${this.id}:${documentIndex}`, () => fastDocumentPositions(this.source.slice(span[0], span[1])));
    return positions ? { positions, base: span[0] } : undefined;
  }

  private document(documentIndex: number): { doc: Document.Parsed | undefined; base: number } {
    const kept = this.documents.get(documentIndex);
    if (kept) return { doc: kept, base: 0 };
    const span = this.spans[documentIndex] ?? null;
    const entry = recentlyUsed(SourceLocator.recent, span ? `${this.id}:${documentIndex}` : `${this.id}`, () => (span
      ? { docs: parseDocuments(this.source.slice(span[0], span[1])).map((d) => d.doc), base: span[0] }
      : { docs: parseDocuments(this.source).map((d) => d.doc), base: 0 }));
    return { doc: span ? entry.docs[0] : entry.docs[documentIndex], base: entry.base };
  }
}

/** Parsed documents kept per cache below: a re-parse of a document for each finding in it would be slow. */
const RECENT_LIMIT = 64;

/** The entry of `key`, made when missing; the map keeps the most recently used entries, oldest first. */
function recentlyUsed<T>(recent: Map<string, T>, key: string, make: () => T): T {
  let entry: T;
  if (recent.has(key)) {
    entry = recent.get(key) as T;
    recent.delete(key); // re-inserted below: most recently used last
  } else {
    entry = make();
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, entry);
  return entry;
}

/** Line positions for offsets into a slice of the text that starts at `base`. */
function shiftedLineCounter(lines: LineCounter, base: number): LineCounter {
  return { lineStarts: lines.lineStarts, addNewLine: lines.addNewLine, linePos: (offset: number) => lines.linePos(offset + base) };
}

/** A document can be parsed on its own when it parsed cleanly and the file has no directives (`%YAML`, `%TAG`). */
function documentSpan(doc: Document.Parsed): DocumentSpan {
  if (doc.errors.length || !doc.range) return null;
  return [doc.range[0], doc.range[2]];
}

const DIRECTIVE_LINE = /^%/m;

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
  errorLimit: number;
  locator: SourceLocator;
}

function documentToObjects(doc: Document.Parsed, ctx: DocContext, out: ParsedFile): void {
  const { file, lineCounter } = ctx;
  const limit = ctx.errorLimit;
  const rangeOf = (err: YAMLError): Range => err.pos[0] >= limit ? offsetsToRange(lineCounter, limit, limit) : offsetsToRange(lineCounter, err.pos[0], err.pos[1]);
  const fatal = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  for (const err of doc.errors) {
    if (err.code === 'DUPLICATE_KEY') {
      const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n#]+?)\s*:/.exec(ctx.source.slice(err.pos[0], err.pos[0] + 300))?.[1] ?? '?';
      out.problems.push({ kind: 'duplicate-key', file, range: rangeOf(err), message: `duplicate key "${key.slice(0, 80)}" in a mapping; the API server's strict field validation rejects duplicate fields, so remove one of them` });
    }
  }
  if (fatal.length) {
    // A value continued on a wrongly indented line shows up as a multi-line key: the line to fix is
    // where that "key" ends (the `:`), not where the value began.
    const multiline = fatal.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
    const err = multiline ?? fatal[0];
    const range = multiline ? rangeOf({ ...multiline, pos: [multiline.pos[1], multiline.pos[1]] } as YAMLError) : rangeOf(err);
    const hint = multiline ? ' (check the indentation of this line)' : '';
    const text = /call stack/i.test(err.message) ? 'the document nests too deeply to parse' : firstLine(err.message);
    out.problems.push({ kind: 'yaml-syntax', file, range, message: `YAML syntax error: ${text}${hint}` });
    return;
  }
  const contents = doc.contents as Node | null;
  if (contents === null || contents === undefined) return; // empty or comment-only: fine and silent
  const docRange = nodeRange(contents, lineCounter);
  if (!isMap(contents)) {
    // a bare `null`/`~` document is as empty as a blank one
    if (!isSeq(contents) && (contents as { value?: unknown }).value === null) return;
    out.problems.push({ kind: 'not-a-mapping', file, range: docRange, message: `document is not a mapping (found ${isSeq(contents) ? 'a list' : 'a scalar'}); a Kubernetes object is a mapping with apiVersion, kind and metadata`, notAManifest: true });
    return;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    out.problems.push({ kind: 'unexpandable', file, range: docRange, message: `cannot expand document: ${errorText(err)}` });
    return;
  }
  const body = value as JsonObject;
  if (nestingDepth(body) > MAX_NESTING_DEPTH) {
    out.problems.push({ kind: 'too-deep', file, range: docRange, message: `document nests deeper than ${MAX_NESTING_DEPTH} levels; no Kubernetes object does, so it was not linted` });
    return;
  }
  if (isListKind(body)) {
    const itemsNode = contents.get('items', true) as Node | undefined;
    const items = Array.isArray(body.items) ? body.items : [];
    items.forEach((item, itemIndex) => {
      const node = isSeq(itemsNode) ? (itemsNode.items[itemIndex] as Node) : contents;
      addObject(item, nodeRange(node, ctx.lineCounter), { ...ctx, itemIndex }, out, listItemName(body, itemIndex));
    });
    return;
  }
  addObject(body, docRange, ctx, out, undefined);
}

/** Depth of nested arrays/objects, computed without recursion (so hostile depth cannot overflow the stack). */
function nestingDepth(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) max = depth;
    if (max > MAX_NESTING_DEPTH) return max;
    for (const child of Array.isArray(node) ? node : Object.values(node)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return max;
}

/** How messages name an item of a `List`. */
function listItemName(list: JsonObject, itemIndex: number): string {
  return `items[${itemIndex}] of the ${scalarText(list.kind) ?? 'List'}`;
}

function isListKind(body: JsonObject): boolean {
  if (typeof body.kind !== 'string' || !body.kind.endsWith('List')) return false;
  return Array.isArray(body.items) || (body.kind === 'List' && (body.items === null || body.items === undefined));
}

function addObject(value: unknown, range: Range, ctx: DocContext & { itemIndex?: number }, out: ParsedFile, where: string | undefined): void {
  const { file } = ctx;
  const { locator, documentIndex, itemIndex } = ctx;
  const locate = (path: FieldPath) => locator.locate(documentIndex, itemIndex, path);
  const prefix = where ? `${where}: ` : '';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.problems.push({ kind: 'not-a-mapping', file, range, message: `${prefix}not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata` });
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
  if (missing.length === 1 && !name && !generateName && metadata && isDecodedNonString(metadata.name)) {
    const at = locate('metadata.name');
    out.problems.push({ kind: 'name-not-string', file, range: at, message: `${prefix}${nameNotStringMessage(metadata.name, locator.textOf(at))}` });
    return;
  }
  if (missing.length) {
    const misspelled = misspelledMetadataKey(body);
    const at = missing[0] === 'metadata.name' && metadata ? locate('metadata') : misspelled ? locate(misspelled) : range;
    const hint = misspelled ? ` (found "${misspelled.slice(0, 40)}": a misspelling of "metadata"?)` : '';
    out.problems.push({
      kind: 'missing-fields', file, range: at,
      message: `${prefix}missing ${missing.map((m) => `"${m}"`).join(', ')}${hint}; every Kubernetes object needs apiVersion, kind and metadata.name (or metadata.generateName)`,
      ...(missing.includes('apiVersion') && missing.includes('kind') && !prefix ? { notAManifest: true } : {}),
    });
    return;
  }
  out.objects.push(manifestObject(body, { file, documentIndex: ctx.documentIndex, itemIndex: ctx.itemIndex, range, locate }));
}

/** A value written where a name goes that YAML decoded to no text: a boolean, number, list or mapping. */
function isDecodedNonString(value: unknown): boolean {
  return value !== undefined && value !== null && typeof value !== 'string';
}

/** The plain scalar of a `key: value` field as written, when it is one short word. */
const WRITTEN_SCALAR = /^[^\s:]+:[ \t]+([\w.+-]{1,40})$/;

/**
 * Says what YAML made of a metadata.name that is not a string. kubectl reads YAML 1.1, where an
 * unquoted `n`, `no`, `off`, `y`, `yes` or `on` is a boolean and `0644` an octal number.
 */
function nameNotStringMessage(value: unknown, field: string): string {
  const written = WRITTEN_SCALAR.exec(field)?.[1];
  if (typeof value === 'boolean') {
    return written
      ? `metadata.name ${written} is read as the boolean ${value}, not a string: kubectl reads YAML 1.1, where an unquoted ${written} is a boolean; quote it ("${written}")`
      : `metadata.name is read as the boolean ${value}, not a string; quote it`;
  }
  if (typeof value === 'number') {
    const number = Number.isFinite(value) ? `the number ${value}` : 'a number'; // .nan and .inf
    return written
      ? `metadata.name ${written} is read as ${number}, not a string; quote it ("${written}")`
      : `metadata.name is read as ${number}, not a string; quote it`;
  }
  return `metadata.name is ${Array.isArray(value) ? 'a list' : 'a mapping'}, not a string`;
}

/**
 * The object a manifest's body makes, once `addObject` has found its apiVersion, kind and name:
 * everything but the body and source is worked out from the body (so the cache keeps only those).
 */
export function manifestObject(body: JsonObject, source: ObjectSource): K8sObject {
  const apiVersion = body.apiVersion as string;
  const kind = body.kind as string;
  const metadata = isPlainObject(body.metadata) ? body.metadata : undefined;
  const name = typeof metadata?.name === 'string' && metadata.name ? metadata.name : undefined;
  const { group, version } = splitApiVersion(apiVersion);
  const namespaceValue = typeof metadata?.namespace === 'string' && metadata.namespace ? metadata.namespace : undefined;
  const namespace = CLUSTER_SCOPED_KINDS.has(kind) ? null : (namespaceValue ?? 'default');
  const objectName = name ?? `${scalarText(metadata?.generateName) ?? ''}*`;
  return {
    id: objectId(kind, namespace, objectName),
    apiVersion, group, version, kind, name: objectName, namespace,
    labels: labelMap(metadata?.labels),
    annotations: labelMap(metadata?.annotations),
    body,
    source,
  };
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
  // A custom resource with a `spec`, or with a misspelled `metadata`, is an object that lost its name, not configuration.
  if (Object.hasOwn(body, 'spec') || misspelledMetadataKey(body) !== undefined) return false;
  return !isBuiltInGroup(splitApiVersion(body.apiVersion as string).group);
}

/** A top-level key that looks like a misspelling of `metadata` (`metdata`, `Metadata`, `meta-data`). */
function misspelledMetadataKey(body: JsonObject): string | undefined {
  if (body.metadata !== undefined) return undefined;
  return Object.keys(body).find((key) => key.length >= 6 && key.length <= 11 && editDistance(key.toLowerCase().replace(/[-_]/g, ''), 'metadata') <= 2);
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
