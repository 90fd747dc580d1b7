import { CST, Document, isScalar, Parser, type LineCounter, type Schema } from 'yaml';
import type { JsonObject } from '../types.js';

/**
 * A faster way to read the common shape of manifest YAML, built on the yaml package's own lexer,
 * parser (CST) and scalar resolution, skipping its document model (node objects, then `toJS`),
 * which costs about as much again as parsing.
 *
 * It accepts only what it can read exactly as yaml's composer would: block mappings and sequences,
 * flow collections, plain/quoted/block scalars and comments. Anything else in a file — a syntax
 * error, an anchor, alias, tag, directive, merge key, duplicate key, tab, carriage return, a
 * document that is not a mapping, a `List` — gives `null`, and the caller parses the file the
 * full way (which also reports the problem precisely). A test compares both ways on every
 * manifest of the shared corpora.
 */
export interface FastDocument {
  /** The document's mapping; null for an empty document. */
  value: JsonObject | null;
  /** Offsets of the mapping node, as yaml's `node.range[0..1]`. */
  range: readonly [number, number];
  /** Where the document stands in the text: [start, end). */
  span: readonly [number, number];
  /** Node positions, when asked for (to locate field paths). */
  positions?: NodePositions;
}

/** Where a node stands ([start, end) as yaml's `range[0..1]`), and its fields or items. */
export interface NodePositions {
  start: number;
  end: number;
  fields?: Map<string, { keyStart: number; node: NodePositions }>;
  items?: NodePositions[];
}

/** Deeper than any real manifest; hostile depth goes to the full parse, which reports it. */
const MAX_DEPTH = 200;
/** yaml (strict) requires an implicit key's `:` within 1024 characters of its start. */
const MAX_IMPLICIT_KEY = 1000;

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
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

/** yaml's core schema (YAML 1.2), the one the full parse uses, for resolving plain scalars. */
function scalarResolver(): Resolver {
  if (!resolver) {
    const doc = new Document(null, { merge: true, uniqueKeys: true });
    const schema = doc.schema;
    resolver = { schema, options: doc.options, stringTag: schema.tags.find((t) => t.tag === 'tag:yaml.org,2002:str') };
  }
  return resolver;
}

/** The documents of a text, or null when the text needs the full parse. */
export function fastParseDocuments(source: string, lineCounter?: LineCounter, options: { positions?: boolean } = {}): FastDocument[] | null {
  if (/[\t\r%]/.test(source) || source.includes('<<')) return null;
  const reader = new FastReader(source, options.positions ?? false);
  const docs: FastDocument[] = [];
  let open: { doc: Omit<FastDocument, 'span'>; start: number } | undefined;
  const close = (end: number) => {
    if (open) docs.push({ ...open.doc, span: [open.start, end] });
    open = undefined;
  };
  try {
    for (const token of new Parser(lineCounter?.addNewLine).parse(source)) {
      switch (token.type) {
        case 'document':
          close(token.offset);
          open = { doc: reader.document(token), start: token.offset };
          break;
        case 'doc-end':
          if (!open) return null;
          reader.end(token.end);
          break;
        case 'comment':
        case 'newline':
        case 'space':
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
export function fastDocumentPositions(documentText: string): NodePositions | null {
  const docs = fastParseDocuments(documentText, undefined, { positions: true });
  return (docs?.length === 1 ? docs[0].positions : undefined) ?? null;
}

/**
 * The [start, end) offsets of a field path, as `locatePath` finds it in yaml's nodes: a field from
 * its key to the end of its value, a list item itself, a missing part at the deepest part that exists.
 */
export function locateInPositions(root: NodePositions, path: readonly (string | number)[]): [number, number] {
  let node: NodePositions | undefined = root;
  let best: [number, number] = [root.start, root.end];
  for (const segment of path) {
    if (node?.fields) {
      const field = node.fields.get(String(segment));
      if (!field) break;
      best = [field.keyStart, field.node.end];
      node = field.node;
    } else if (node?.items && typeof segment === 'number') {
      const item: NodePositions | undefined = node.items[segment];
      if (!item) break;
      best = [item.start, item.end];
      node = item;
    } else {
      break;
    }
  }
  return best;
}

function isListKind(value: JsonObject): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List');
}

/** A node's value, its end offsets (yaml's `range[1]` and `range[2]`) and, when kept, its positions. */
interface Converted<T = unknown> {
  value: T;
  valueEnd: number;
  nodeEnd: number;
  positions?: NodePositions;
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
      } else if (t.type !== 'space') {
        unsupported();
      }
    }
    this.end(token.end);
    if (!token.value) return { value: null, range: [0, 0] };
    // Only a mapping is read here; a scalar or list document is reported by the full parse.
    const root = token.value;
    if (root.type !== 'block-map' || (docStart && !newlineAfterStart)) return unsupported();
    const converted = this.blockMap(root, 0);
    if (isListKind(converted.value)) unsupported();
    return { value: converted.value, range: [root.offset, converted.valueEnd], positions: converted.positions };
  }

  /** Tokens after a node or document: spaces, newlines and comments only. Returns their length. */
  end(tokens: readonly SourceToken[] | undefined): number {
    let length = 0;
    for (const t of tokens ?? []) {
      if (t.type === 'comment') this.comment(t);
      else if (t.type !== 'space' && t.type !== 'newline') unsupported();
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
      for (const t of token.props) if (t.type !== 'block-scalar-header' && t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline') unsupported();
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
    return this.converted(value, range[0], range[1], range[2]);
  }

  private converted<T>(value: T, start: number, valueEnd: number, nodeEnd: number, fields?: NodePositions['fields'], items?: NodePositions['items']): Converted<T> {
    if (!this.keepPositions) return { value, valueEnd, nodeEnd };
    return { value, valueEnd, nodeEnd, positions: { start, end: valueEnd, fields, items } };
  }

  private props(tokens: readonly SourceToken[], indicator: string): Props {
    let found: SourceToken | undefined;
    let newline = false;
    let comment = false;
    for (const t of tokens) {
      if (t.type === 'space') continue;
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
    for (const t of key.end ?? []) if (t.type !== 'space') unsupported();
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
    return this.converted(null, offset, offset, hasComment ? sepEnd : offset);
  }

  private blockMap(token: CST.BlockMap, depth: number): Converted<JsonObject> {
    const map: JsonObject = {};
    const fields: NodePositions['fields'] = this.keepPositions ? new Map() : undefined;
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
      const converted = value ? this.node(value, depth + 1) : this.emptyValue(item.sep, sep.end, sep.comment);
      setKey(map, key, converted.value);
      if (fields && converted.positions) fields.set(key, { keyStart: item.key!.offset, node: converted.positions });
      offset = converted.nodeEnd;
    });
    return this.converted(map, token.offset, offset, commentEnd ?? offset, fields);
  }

  private blockSeq(token: CST.BlockSequence, depth: number): Converted<unknown[]> {
    const seq: unknown[] = [];
    const items: NodePositions[] | undefined = this.keepPositions ? [] : undefined;
    let offset = token.offset;
    let commentEnd: number | undefined;
    token.items.forEach((item, i) => {
      const start = this.props(item.start, 'seq-item-ind');
      if (!start.found) {
        if (!commentItem(item, i === token.items.length - 1)) unsupported();
        commentEnd = start.end >= 0 ? start.end : offset;
        return;
      }
      const converted = item.value ? this.node(item.value, depth + 1) : this.emptyValue(item.start, start.end, start.comment);
      seq.push(converted.value);
      if (items && converted.positions) items.push(converted.positions);
      offset = converted.nodeEnd;
    });
    return this.converted(seq, token.offset, offset, commentEnd ?? offset, undefined, items);
  }

  /** `[a, b]` and `{k: v}`, one value per item, commas between items, no pairs inside lists. */
  private flowCollection(token: CST.FlowCollection, depth: number): Converted {
    const isMap = token.start.source === '{';
    const map: JsonObject = {};
    const seq: unknown[] = [];
    const fields: NodePositions['fields'] = this.keepPositions && isMap ? new Map() : undefined;
    const items: NodePositions[] | undefined = this.keepPositions && !isMap ? [] : undefined;
    token.items.forEach((item, i) => {
      let commas = 0;
      for (const t of item.start) {
        if (t.type === 'comma') commas++;
        else if (t.type === 'comment') this.comment(t);
        else if (t.type !== 'space' && t.type !== 'newline') unsupported();
      }
      if (commas !== (i === 0 ? 0 : 1)) unsupported();
      if (!item.value || item.value.type === 'block-map' || item.value.type === 'block-seq') return unsupported(); // empty items (a trailing comma), block collections
      if (!isMap) {
        if (item.sep || item.key !== undefined) unsupported();
        const converted = this.node(item.value, depth + 1);
        seq.push(converted.value);
        if (items && converted.positions) items.push(converted.positions);
        return;
      }
      const key = this.key(item.key, undefined);
      if (!item.sep || !this.props(item.sep, 'map-value-ind').found) unsupported();
      const converted = this.node(item.value, depth + 1);
      setKey(map, key, converted.value);
      if (fields && converted.positions) fields.set(key, { keyStart: item.key!.offset, node: converted.positions });
    });
    const [close, ...rest] = token.end;
    if (close?.source !== (isMap ? '}' : ']')) unsupported();
    const closeEnd = close.offset + close.source.length;
    return this.converted(isMap ? map : seq, token.offset, closeEnd, closeEnd + this.end(rest), fields, items);
  }
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
