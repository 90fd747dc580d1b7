import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FieldPath, Range } from '../types.js';
import { parseFieldPath } from './field-path.js';

type NodeRange = [number, number, number];

/** The line starts of a whole text, for `offsetsToRange` (what yaml's parser records as it goes). */
export function lineCounterOf(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** Converts yaml's byte offsets into 1-based line/column ranges. */
export function offsetsToRange(lineCounter: LineCounter, start: number, end: number): Range {
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(start, end));
  return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

function nodeRange(node: Node | null | undefined): NodeRange | undefined {
  return (node?.range as NodeRange | undefined) ?? undefined;
}

function pairKeyValue(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return typeof key.value === 'symbol' ? (key.value.description ?? '') : String(key.value);
  if (typeof key === 'string' || typeof key === 'number') return String(key);
  return undefined;
}

/**
 * Finds the source range of a field path below a document node.
 * A map field points from its key to the end of its value; a list item at the item.
 * A path that does not exist resolves to the deepest part that does.
 */
export function locatePath(root: Node, path: FieldPath, lineCounter: LineCounter, doc?: Document): Range {
  const segments = parseFieldPath(path);
  let node: Node | undefined = root;
  let best: NodeRange = nodeRange(root) ?? [0, 0, 0];
  for (const seg of segments) {
    if (isAlias(node) && doc) node = (node.resolve(doc) ?? undefined) as Node | undefined;
    if (isMap(node)) {
      const pair = findPair(node, String(seg), doc);
      if (!pair) break;
      const keyRange = nodeRange(pair.key as Node);
      const valueNode = (pair.value ?? undefined) as Node | undefined;
      const valueRange = nodeRange(valueNode);
      if (keyRange) best = [keyRange[0], valueRange ? valueRange[1] : keyRange[1], valueRange ? valueRange[2] : keyRange[2]];
      node = valueNode;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | Pair | undefined;
      if (!item || isPair(item)) break;
      const r = nodeRange(item);
      if (r) best = r;
      node = item;
    } else {
      break;
    }
  }
  return offsetsToRange(lineCounter, best[0], best[1]);
}

/** A map's pair for a key, looking through `<<` merge keys (as the object's values came from there). */
function findPair(map: YAMLMap, key: string, doc: Document | undefined, depth = 0): Pair | undefined {
  const own = map.items.find((p) => pairKeyValue(p) === key);
  if (own || !doc || depth > 8) return own;
  for (const pair of map.items) {
    if (pairKeyValue(pair) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(doc) : source;
      if (isMap(target)) {
        const found = findPair(target, key, doc, depth + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}
