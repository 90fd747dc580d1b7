import { parseFieldPath, type PathSegment } from '../load/field-path.js';
import type { JsonValue } from '../types.js';
import { blockPairLines, blockValueLines, isCollectionValue, renderFlow, renderString } from './render.js';
import type { FixEdit, TextEdit } from './types.js';
import { contentEnd, isMap, isScalar, isSeq, pairOf, walk, type Node, type Pair, type YAMLMap, type YAMLSeq } from './yaml-nodes.js';

/** The text around the nodes being edited: line breaks and indentation follow what the file uses. */
export class EditContext {
  readonly eol: string;
  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  column(offset: number): number {
    const lineStart = Math.max(this.text.lastIndexOf('\n', offset - 1) + 1, 0);
    return offset - lineStart;
  }

  /** Where the line holding `offset - 1` ends (before its line break), or the end of the text. */
  endOfLine(offset: number): number {
    let i = Math.max(offset - 1, 0);
    if (this.text[i] === '\n') return this.text[i - 1] === '\r' ? i - 1 : i;
    while (i < this.text.length && this.text[i] !== '\n' && this.text[i] !== '\r') i++;
    return i;
  }
}

/** Indentation one level adds in this map: its keys' column against the column of the key that holds it. */
function indentStep(ctx: EditContext, map: YAMLMap, holder: Pair | undefined): number {
  const first = map.items[0]?.key as Node | undefined;
  const holderKey = holder?.key as Node | undefined;
  if (first?.range && holderKey?.range) {
    const step = ctx.column(first.range[0]) - ctx.column(holderKey.range[0]);
    if (step > 0) return step;
  }
  return 2;
}

/** Turns one object-level edit into text edits, or undefined when the file's shape does not allow it safely. */
export function textEditsOf(ctx: EditContext, root: Node, edit: FixEdit): TextEdit[] | undefined {
  const path = parseFieldPath(edit.path);
  switch (edit.op) {
    case 'rename':
      return rename(ctx, root, path, edit.to);
    case 'set':
      return set(ctx, root, path, edit.value);
    case 'append':
      return append(ctx, root, path, edit.value);
    case 'quote':
      return quote(ctx, root, path);
  }
}

function quote(ctx: EditContext, root: Node, path: PathSegment[]): TextEdit[] | undefined {
  const reached = walk(root, path);
  if (reached.rest.length || !isScalar(reached.node) || reached.node.type !== 'PLAIN' || !reached.node.range) return undefined;
  const [start, end] = reached.node.range;
  return [{ start, end, text: JSON.stringify(ctx.text.slice(start, end)) }];
}

function rename(ctx: EditContext, root: Node, path: PathSegment[], to: string): TextEdit[] | undefined {
  const name = path[path.length - 1];
  const parent = walk(root, path.slice(0, -1));
  if (parent.rest.length || !isMap(parent.node) || typeof name !== 'string') return undefined;
  const key = pairOf(parent.node, name)?.key;
  if (!isScalar(key) || !key.range) return undefined;
  return [{ start: key.range[0], end: key.range[1], text: renderString(to, key) }];
}

function set(ctx: EditContext, root: Node, path: PathSegment[], value: JsonValue): TextEdit[] | undefined {
  const reached = walk(root, path);
  if (reached.rest.length === 0) return replaceNode(ctx, reached.node, reached.pair, value);
  if (reached.rest.some((segment) => typeof segment !== 'string')) return undefined;
  const nested = nest(reached.rest as string[], value);
  if (isMap(reached.node)) return insertIntoMap(ctx, reached.node, reached.pair, nested.key, nested.value);
  if (isScalar(reached.node) && reached.node.value === null && reached.pair) {
    return replaceNode(ctx, reached.node, reached.pair, { [nested.key]: nested.value });
  }
  return undefined;
}

function append(ctx: EditContext, root: Node, path: PathSegment[], value: JsonValue): TextEdit[] | undefined {
  const reached = walk(root, path);
  if (reached.rest.length) return set(ctx, root, path, [value]);
  const list = reached.node;
  if (!isSeq(list) || !list.range) return undefined;
  if (list.flow) return appendToFlow(ctx, list, renderFlow(value));
  const last = list.items[list.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  // A block list item: `- ` at the column where the list's dash stands.
  const dash = ctx.text.lastIndexOf('-', last.range[0]);
  const pad = ' '.repeat(ctx.column(dash));
  const at = ctx.endOfLine(contentEnd(ctx.text, last));
  const lines = isCollectionValue(value) && !Array.isArray(value) ? blockValueLines([value], ctx.column(dash), 2) : [`${pad}- ${renderFlow(value)}`];
  return [{ start: at, end: at, text: ctx.eol + lines.join(ctx.eol) }];
}

function nest(keys: string[], value: JsonValue): { key: string; value: JsonValue } {
  let inner = value;
  for (let i = keys.length - 1; i > 0; i--) inner = { [keys[i]]: inner };
  return { key: keys[0], value: inner };
}

function insertIntoMap(ctx: EditContext, map: YAMLMap, holder: Pair | undefined, key: string, value: JsonValue): TextEdit[] | undefined {
  if (!map.range) return undefined;
  if (map.flow) return appendToFlow(ctx, map, `${renderString(key)}: ${renderFlow(value)}`);
  const last = map.items[map.items.length - 1];
  const lastNode = (last?.value ?? last?.key) as Node | undefined;
  const firstKey = map.items[0]?.key as Node | undefined;
  if (!lastNode?.range || !firstKey?.range) return undefined;
  const at = ctx.endOfLine(contentEnd(ctx.text, lastNode));
  const lines = blockPairLines(key, value, ctx.column(firstKey.range[0]), indentStep(ctx, map, holder));
  return [{ start: at, end: at, text: ctx.eol + lines.join(ctx.eol) }];
}

/** Adds an entry before the closing bracket of a flow collection, after its last entry. */
function appendToFlow(ctx: EditContext, collection: YAMLMap | YAMLSeq, entry: string): TextEdit[] | undefined {
  const close = collection.range![1] - 1;
  if (ctx.text[close] !== '}' && ctx.text[close] !== ']') return undefined;
  const last = collection.items[collection.items.length - 1] as { value?: Node; range?: [number, number, number] } | undefined;
  const lastEnd = (last && 'value' in last && last.value ? last.value.range?.[1] : last?.range?.[1]) ?? undefined;
  if (lastEnd === undefined) return [{ start: close, end: close, text: entry }];
  return [{ start: lastEnd, end: lastEnd, text: `, ${entry}` }];
}

/** Replaces a node's value; block collections are written in block style, at the node's indentation. */
function replaceNode(ctx: EditContext, node: Node, pair: Pair | undefined, value: JsonValue): TextEdit[] | undefined {
  if (!node.range) return undefined;
  const inFlow = (isMap(node) || isSeq(node)) && node.flow;
  if (!isCollectionValue(value) || inFlow) {
    return [{ start: node.range[0], end: node.range[1], text: renderFlow(value, isScalar(node) ? node : undefined) }];
  }
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const indent = ctx.column(node.range[0]);
    const lines = blockValueLines(value, indent, 2);
    return [{ start: node.range[0], end: contentEnd(ctx.text, node), text: lines.join(ctx.eol).slice(indent) }];
  }
  // A scalar (often an empty value) becomes a block collection on the lines below its key.
  const key = pair?.key as Node | undefined;
  if (!key?.range) return undefined;
  const indent = ctx.column(key.range[0]) + 2;
  const colon = ctx.text.indexOf(':', key.range[1]);
  if (colon < 0 || (node.range[1] > node.range[0] && colon > node.range[0])) return undefined;
  return [{ start: colon + 1, end: Math.max(node.range[1], colon + 1), text: ctx.eol + blockValueLines(value, indent, 2).join(ctx.eol) }];
}
