import { CST, Document, isScalar, Parser, type LineCounter, type Schema } from 'yaml';
import type { JsonObject } from '../types.js';
import { KUBERNETES_YAML_OPTIONS } from './yaml-options.js';
import { counted } from './parse-count.js';

/**
 * A faster way to read the common shape of manifest YAML, built on the yaml package's own lexer,
 * parser (CST) and scalar resolution, skipping its document model (node objects, then `toJS`),
 * which costs about as much again as parsing.
 *
 * It accepts only what it can read exactly as yaml's composer would: block mappings and sequences,
 * flow collections (JSON too), plain/quoted/block scalars and comments, with LF or CRLF line ends.
 * A document with anything else — a syntax error, an anchor, alias, tag, merge key, duplicate key,
 * a tab between tokens (tabs in scalars and comments are read), a root that is not a mapping — is
 * skipped (`readDocuments`), with its tokens, from which the caller has yaml compose it (which
 * also reports the problem precisely); a directive or a lone carriage return gives `null` for the whole text. Tests compare
 * both ways on every manifest of the shared corpora, with either line end, as JSON, and on mutated
 * manifests.
 */
export interface FastDocument {
  /** The document's mapping; null for an empty document. */
  value: JsonObject | null;
  /** Offsets of the mapping node, as yaml's `node.range[0..1]`. */
  range: readonly [number, number];
  /** Where the document stands in the text: [start, end). */
  span: readonly [number, number];
  /** Node positions, when asked for (to locate field paths); null when they cannot be told apart. */
  positions?: DocumentPositions | null;
  /** Its CST document token, when `keepTokens` asked for it. */
  tokens?: CST.Token[];
}

/**
 * Where every node of a document stands, flat and compact (kept for every document that is read,
 * so a finding is located without parsing again). Node `i` is the five numbers from `5 * i`:
 * start and end (yaml's `range[0..1]`), the start of its key (a mapping's value) or -1 (a list
 * item, the root), the index of the node after its subtree, and a hash of its key. A node comes
 * before its children, which come in the order of the text.
 */
export interface DocumentPositions {
  nodes: Int32Array;
}

const START = 0;
const END = 1;
const KEY_START = 2;
const NEXT = 3;
const KEY_HASH = 4;
const FIELDS = 5;

/** Deeper than any real manifest; hostile depth goes to the full parse, which reports it. */
const MAX_DEPTH = 200;
/** yaml (strict) requires an implicit key's `:` within 1024 characters of its start. */
const MAX_IMPLICIT_KEY = 1000;

class Unsupported extends Error {}
/** One instance, thrown each time: an error's stack trace costs more than reading a small document. */
const UNSUPPORTED = new Unsupported();
const unsupported = (): never => {
  throw UNSUPPORTED;
};

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Item = CST.CollectionItem;

interface Resolver {
  schema: Schema;
  options: Document['options'];
  stringTag: unknown;
}

let resolver: Resolver | undefined;

/** The schema the full parse uses (kubectl's YAML 1.1 reading), for resolving plain scalars. */
function scalarResolver(): Resolver {
  if (!resolver) {
    const doc = new Document(null, KUBERNETES_YAML_OPTIONS);
    const schema = doc.schema;
    resolver = { schema, options: doc.options, stringTag: schema.tags.find((t) => t.tag === 'tag:yaml.org,2002:str') };
  }
  return resolver;
}

/** The documents of a text, or null when the text (some document of it) needs the full parse. */
export function fastParseDocuments(source: string, lineCounter?: LineCounter, options: { positions?: boolean } = {}): FastDocument[] | null {
  const docs = readDocuments(source, lineCounter, options);
  return docs && !docs.some(isSkipped) ? (docs as FastDocument[]) : null;
}

export interface ReadOptions {
  /** Keep node positions (`FastDocument.positions`). */
  positions?: boolean;
  /** Keep the CST of the documents that start at offsets this accepts (`FastDocument.tokens`), for another look without parsing again. */
  keepTokens?: (offset: number) => boolean;
}

/** A document `readDocuments` leaves to the full parse: where it stands in the text, [start, end). */
export interface SkippedDocument {
  skipped: true;
  span: readonly [number, number];
  /** Its CST: the document token, then the `...`, comments and newlines after it (for composing it without parsing again). */
  tokens: CST.Token[];
}

export function isSkipped(doc: FastDocument | SkippedDocument): doc is SkippedDocument {
  return 'skipped' in doc;
}

/**
 * The documents of a text, each read here or, when it holds something the reader leaves to yaml
 * (an anchor, a tag, a tab between tokens, a syntax error…), skipped: one odd document in a stream
 * of thousands (`helm template | kubeknit lint -`) need not send the whole stream the full way.
 * Null when the text as a whole needs the full parse (a lone carriage return, a directive, stray
 * content between documents). The text is parsed once, but for the part a syntax error swallowed
 * up to a `---` line (`SkippedDocument.resumeAt`): the parse starts again at that line.
 */
export function readDocuments(source: string, lineCounter?: LineCounter, options: ReadOptions = {}): Array<FastDocument | SkippedDocument> | null {
  if (/\r(?!\n)/.test(source)) return null;
  const reader = new FastReader(source, options.positions ?? false);
  const docs: Array<FastDocument | SkippedDocument> = [];
  let open: { doc: Omit<FastDocument, 'span'> | Omit<SkippedDocument, 'span'>; start: number } | undefined;
  const close = (end: number) => {
    if (open) docs.push({ ...open.doc, span: [open.start, end] });
    open = undefined;
  };
  const readOrSkip = (token: CST.Document): Omit<FastDocument, 'span'> | Omit<SkippedDocument, 'span'> => {
    try {
      const doc = reader.document(token);
      return options.keepTokens?.(token.offset) ? { ...doc, tokens: [token] } : doc;
    } catch (err) {
      if (err instanceof Unsupported || err instanceof RangeError) return { skipped: true, tokens: [token] }; // RangeError: call stack
      throw err;
    }
  };
  try {
    for (const token of new Parser(lineCounter?.addNewLine).parse(counted(source))) {
      if (token.type !== 'document' && open && 'skipped' in open.doc) {
        open.doc.tokens.push(token);
        if (token.type === 'doc-end' || token.type === 'comment' || token.type === 'newline') continue;
      }
      switch (token.type) {
        case 'document':
          close(token.offset);
          open = { doc: readOrSkip(token), start: token.offset };
          break;
        case 'doc-end':
          if (!open) return null;
          reader.end(token.end);
          break;
        case 'space':
          isSpace(token); // refuses a tab
          break;
        case 'comment':
        case 'newline':
        case 'byte-order-mark':
          break;
        default:
          return null;
      }
    }
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError) return null; // RangeError: call stack
    throw err;
  }
  close(source.length);
  return docs;
}

/** Node positions of the one document in a text, or null when it needs the full parse. */
export function fastDocumentPositions(documentText: string): DocumentPositions | null {
  const docs = fastParseDocuments(documentText, undefined, { positions: true });
  return (docs?.length === 1 ? docs[0].positions : undefined) ?? null;
}

/**
 * The [start, end) offsets of a field path, as `locatePath` finds it in yaml's nodes: a field from
 * its key to the end of its value, a list item itself, a missing part at the deepest part that exists.
 */
export function locateInPositions({ nodes }: DocumentPositions, path: readonly (string | number)[]): [number, number] {
  let node = 0;
  let best: [number, number] = [nodes[START], nodes[END]];
  for (const segment of path) {
    const after = nodes[node * FIELDS + NEXT];
    let child = node + 1;
    if (child >= after) break; // a scalar, or an empty collection
    const inMapping = nodes[child * FIELDS + KEY_START] >= 0;
    if (inMapping) {
      const key = String(segment);
      const hash = keyHash(key);
      while (child < after && nodes[child * FIELDS + KEY_HASH] !== hash) child = nodes[child * FIELDS + NEXT];
    } else if (typeof segment === 'number' && segment >= 0) {
      for (let i = 0; i < segment && child < after; i++) child = nodes[child * FIELDS + NEXT];
    } else {
      break;
    }
    if (child >= after) break;
    best = [inMapping ? nodes[child * FIELDS + KEY_START] : nodes[child * FIELDS + START], nodes[child * FIELDS + END]];
    node = child;
  }
  return best;
}

/** 32-bit FNV-1a of a key; siblings whose keys share a hash make the document's positions unavailable. */
function keyHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Builds a document's `DocumentPositions` as the reader goes (a node is opened before its children are read). */
class PositionsWriter {
  private nodes: number[] = [];
  private clash = false;

  /** Starts the record of a node; `key` for a mapping's value. Returns its index. */
  open(key?: string, keyStart = -1): number {
    const index = this.nodes.length / FIELDS;
    this.nodes.push(0, 0, keyStart, 0, key === undefined ? 0 : keyHash(key));
    return index;
  }

  close(index: number, start: number, end: number): void {
    const at = index * FIELDS;
    this.nodes[at + START] = start;
    this.nodes[at + END] = end;
    this.nodes[at + NEXT] = this.nodes.length / FIELDS;
  }

  /** Checks the field hashes of a mapping that was just read (every later node is its own): a clash would locate the wrong field. */
  checkFields(index: number): void {
    const hashes: number[] = [];
    const after = this.nodes.length / FIELDS;
    for (let child = index + 1; child < after; child = this.nodes[child * FIELDS + NEXT]) hashes.push(this.nodes[child * FIELDS + KEY_HASH]);
    if (hashes.length < 2) return;
    hashes.sort((a, b) => a - b);
    for (let i = 1; i < hashes.length; i++) if (hashes[i] === hashes[i - 1]) this.clash = true;
  }

  /** The node opened last: when a collection starts to be read, the collection itself. */
  currentIndex(): number {
    return this.nodes.length / FIELDS - 1;
  }

  finish(): DocumentPositions | null {
    return this.clash ? null : { nodes: Int32Array.from(this.nodes) };
  }
}

/** A node's value and offsets: yaml's `range[0]`, `range[1]` and `range[2]`. */
interface Converted<T = unknown> {
  value: T;
  start: number;
  valueEnd: number;
  nodeEnd: number;
}

/** Props before a key or value: only spaces, newlines, comments and at most one `indicator`. */
interface Props {
  found: SourceToken | undefined;
  newline: boolean;
  comment: boolean;
  end: number;
}

/** Converts CST tokens to values, refusing (with `Unsupported`) whatever it cannot read exactly as yaml does. */
class FastReader {
  /** The current document's positions, when kept. */
  private positions: PositionsWriter | undefined;

  constructor(private readonly source: string, private readonly keepPositions: boolean) {}

  document(token: CST.Document): Omit<FastDocument, 'span'> {
    let docStart = false;
    let newlineAfterStart = false;
    for (const t of token.start) {
      if (t.type === 'doc-start') {
        if (docStart) unsupported();
        docStart = true;
      } else if (t.type === 'newline') {
        newlineAfterStart ||= docStart;
      } else if (t.type === 'comment') {
        this.comment(t);
      } else if (!isSpace(t)) {
        unsupported();
      }
    }
    this.end(token.end);
    if (!token.value) return { value: null, range: [0, 0] };
    // Only a mapping is read here, in block or flow (JSON) style; a scalar or list document is reported by the full parse.
    const root = token.value;
    const isFlowMap = root.type === 'flow-collection' && root.start.source === '{';
    if ((root.type !== 'block-map' && !isFlowMap) || (docStart && !newlineAfterStart)) return unsupported();
    this.positions = this.keepPositions ? new PositionsWriter() : undefined;
    const at = this.open();
    const converted = this.recorded(at, root.type === 'block-map' ? this.blockMap(root, 0) : this.flowCollection(root, 0)) as Converted<JsonObject>;
    return { value: converted.value, range: [root.offset, converted.valueEnd], positions: this.positions?.finish() };
  }

  /**
   * Opens the position record of the node about to be read (-1 when positions are not kept):
   * `this.recorded(this.open(…), this.node(…))` records a node, its children in between.
   */
  private open(key?: string, keyStart = -1): number {
    return this.positions ? this.positions.open(key, keyStart) : -1;
  }

  private recorded<T>(index: number, converted: Converted<T>): Converted<T> {
    if (index >= 0) this.positions!.close(index, converted.start, converted.valueEnd);
    return converted;
  }

  /** Tokens after a node or document: spaces, newlines and comments only. Returns their length. */
  end(tokens: readonly SourceToken[] | undefined): number {
    let length = 0;
    for (const t of tokens ?? []) {
      if (t.type === 'comment') this.comment(t);
      else if (!isSpace(t) && t.type !== 'newline') unsupported();
      length += t.source.length;
    }
    return length;
  }

  /** A comment must follow white space (or start a line). */
  private comment(token: SourceToken): void {
    const before = this.source[token.offset - 1];
    if (token.offset > 0 && before !== ' ' && before !== '\n') unsupported();
  }

  private node(token: Token, depth: number): Converted {
    if (depth > MAX_DEPTH) unsupported();
    switch (token.type) {
      case 'block-map':
        return this.blockMap(token, depth);
      case 'block-seq':
        return this.blockSeq(token, depth);
      case 'flow-collection':
        return this.flowCollection(token, depth);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, false);
      default:
        return unsupported();
    }
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): Converted {
    if (token.type === 'block-scalar') {
      for (const t of token.props) if (t.type !== 'block-scalar-header' && !isSpace(t) && t.type !== 'comment' && t.type !== 'newline') unsupported();
    }
    const resolved = CST.resolveAsScalar(token, true, unsupported);
    if (!resolved) return unsupported();
    const { value: text, range } = resolved;
    let value: unknown = text;
    if (token.type === 'scalar') {
      const { schema, options, stringTag } = scalarResolver();
      const tag = schema.tags.find((t) => t.default === true && t.test?.test(text));
      if (tag && tag !== stringTag) {
        if (atKey) unsupported(); // a key that is a number, boolean or null: the full parse stringifies it
        const res = (tag.resolve as (text: string, onError: () => never, options: unknown) => unknown)(text, unsupported, options);
        value = isScalar(res) ? res.value : res;
        if (typeof value === 'bigint') unsupported();
      }
    }
    return { value, start: range[0], valueEnd: range[1], nodeEnd: range[2] };
  }

  private props(tokens: readonly SourceToken[], indicator: string): Props {
    let found: SourceToken | undefined;
    let newline = false;
    let comment = false;
    for (const t of tokens) {
      if (isSpace(t)) continue;
      if (t.type === 'newline') newline = true;
      else if (t.type === 'comment') {
        this.comment(t);
        comment = true;
      } else if (t.type === indicator && !found) found = t;
      else unsupported();
    }
    const last = tokens[tokens.length - 1];
    return { found, newline, comment, end: last ? last.offset + last.source.length : -1 };
  }

  /** A key: a one-line plain or quoted scalar that resolves to a string. */
  private key(key: Token | null | undefined, indent: number | undefined): string {
    if (!key || (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')) return unsupported();
    if ((indent !== undefined && key.indent !== indent) || key.source.includes('\n') || key.source.length > MAX_IMPLICIT_KEY) unsupported();
    for (const t of key.end ?? []) if (!isSpace(t)) unsupported();
    const { value } = this.scalar(key, true);
    if (typeof value !== 'string' || value === '<<') unsupported();
    return value as string;
  }

  /** Where yaml places an empty value: after the last non-blank token of `before`, past following spaces. */
  private emptyValue(before: readonly SourceToken[], sepEnd: number, hasComment: boolean): Converted<null> {
    let offset = sepEnd;
    for (let i = before.length - 1; i >= 0; i--) {
      const t = before[i];
      if (t.type === 'space' || t.type === 'comment' || t.type === 'newline') {
        offset -= t.source.length;
        continue;
      }
      for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j].source.length;
      break;
    }
    return { value: null, start: offset, valueEnd: offset, nodeEnd: hasComment ? sepEnd : offset };
  }

  private blockMap(token: CST.BlockMap, depth: number): Converted<JsonObject> {
    const map: JsonObject = {};
    const index = this.positions?.currentIndex();
    let offset = token.offset;
    let commentEnd: number | undefined;
    token.items.forEach((item, i) => {
      const start = this.props(item.start, 'explicit-key-ind');
      if (start.found) unsupported();
      if (commentItem(item, i === token.items.length - 1)) {
        commentEnd = start.end >= 0 ? start.end : offset;
        return;
      }
      const key = this.key(item.key, token.indent);
      if (!item.sep) return unsupported();
      const sep = this.props(item.sep, 'map-value-ind');
      if (!sep.found) unsupported();
      const value = item.value;
      if (value?.type === 'block-map' && !sep.newline) unsupported(); // a compact nested mapping
      const at = this.open(key, item.key!.offset);
      const converted = this.recorded(at, value ? this.node(value, depth + 1) : this.emptyValue(item.sep, sep.end, sep.comment));
      setKey(map, key, converted.value);
      offset = converted.nodeEnd;
    });
    if (index !== undefined) this.positions?.checkFields(index);
    return { value: map, start: token.offset, valueEnd: offset, nodeEnd: commentEnd ?? offset };
  }

  private blockSeq(token: CST.BlockSequence, depth: number): Converted<unknown[]> {
    const seq: unknown[] = [];
    let offset = token.offset;
    let commentEnd: number | undefined;
    token.items.forEach((item, i) => {
      const start = this.props(item.start, 'seq-item-ind');
      if (!start.found) {
        if (!commentItem(item, i === token.items.length - 1)) unsupported();
        commentEnd = start.end >= 0 ? start.end : offset;
        return;
      }
      const at = this.open();
      const converted = this.recorded(at, item.value ? this.node(item.value, depth + 1) : this.emptyValue(item.start, start.end, start.comment));
      seq.push(converted.value);
      offset = converted.nodeEnd;
    });
    return { value: seq, start: token.offset, valueEnd: offset, nodeEnd: commentEnd ?? offset };
  }

  /** `[a, b]` and `{k: v}`, one value per item, commas between items, no pairs inside lists. */
  private flowCollection(token: CST.FlowCollection, depth: number): Converted {
    const isMap = token.start.source === '{';
    const map: JsonObject = {};
    const seq: unknown[] = [];
    const index = this.positions?.currentIndex();
    token.items.forEach((item, i) => {
      let commas = 0;
      for (const t of item.start) {
        if (t.type === 'comma') commas++;
        else if (t.type === 'comment') this.comment(t);
        else if (!isSpace(t) && t.type !== 'newline') unsupported();
      }
      const blank = item.key === undefined && !item.sep && !item.value;
      if (blank && commas === 0 && i === token.items.length - 1) return; // white space before the closing bracket (JSON's indented `}`)
      if (commas !== (i === 0 ? 0 : 1)) unsupported();
      if (!item.value || item.value.type === 'block-map' || item.value.type === 'block-seq') return unsupported(); // empty items (a trailing comma), block collections
      if (!isMap) {
        if (item.sep || item.key !== undefined) unsupported();
        const at = this.open();
        seq.push(this.recorded(at, this.node(item.value, depth + 1)).value);
        return;
      }
      const key = this.key(item.key, undefined);
      if (!item.sep || !this.props(item.sep, 'map-value-ind').found) unsupported();
      const at = this.open(key, item.key!.offset);
      setKey(map, key, this.recorded(at, this.node(item.value, depth + 1)).value);
    });
    const [close, ...rest] = token.end;
    if (close?.source !== (isMap ? '}' : ']')) unsupported();
    const closeEnd = close.offset + close.source.length;
    if (isMap && index !== undefined) this.positions?.checkFields(index);
    return { value: isMap ? map : seq, start: token.offset, valueEnd: closeEnd, nodeEnd: closeEnd + this.end(rest) };
  }
}

/**
 * White space between tokens. A tab there is refused: yaml reports tabs used as indentation from
 * these tokens (which ones depends on the indentation around them), so the full parse decides.
 * Tabs inside quoted and block scalars and comments are read here.
 */
function isSpace(token: Token): boolean {
  if (token.type !== 'space') return false;
  if ((token as SourceToken).source.includes('\t')) unsupported();
  return true;
}

/** Items that hold only comments (no key, value or indicator) may only close a collection. */
function commentItem(item: Item, isLast: boolean): boolean {
  if (item.key !== undefined || item.sep || item.value) return false;
  if (!isLast) unsupported();
  return true;
}

function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (Object.hasOwn(map, key)) unsupported(); // duplicate: the full parse reports it
  if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
