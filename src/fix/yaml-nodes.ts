import { isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { PathSegment } from '../load/field-path.js';
import { KUBERNETES_YAML_OPTIONS } from '../load/yaml-options.js';

/** The documents of a file as yaml's CST-backed model, with every node's source range. */
export function parseForEdits(text: string): Document.Parsed[] {
  // Read as the loader reads (YAML 1.1, as kubectl), so keys such as `on:` name the same paths.
  const parsed = parseAllDocuments(text, { ...KUBERNETES_YAML_OPTIONS, keepSourceTokens: true, uniqueKeys: false });
  return Array.isArray(parsed) ? parsed : [];
}

/** The document an offset falls in: the last one that starts at or before it. */
export function documentAt(documents: readonly Document.Parsed[], offset: number): Document.Parsed | undefined {
  let found: Document.Parsed | undefined;
  for (const doc of documents) if (doc.range[0] <= offset) found = doc;
  return found;
}

/** Where a node's own text ends: block collections' ranges run on over the line break after them. */
export function contentEnd(text: string, node: Node): number {
  let end = node.range![1];
  if ((isMap(node) || isSeq(node)) && !node.flow) while (end > node.range![0] && /[\s]/.test(text[end - 1])) end--;
  return end;
}

export function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? undefined : String(key.value);
  return undefined;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyName(pair) === key);
}

/** How far a path can be followed from a node: the last node reached and what is left of the path. */
export interface Walk {
  /** The deepest node the path reaches. */
  node: Node;
  /** The pair whose value `node` is (absent at the root or in a list). */
  pair?: Pair;
  /** Segments not found below `node`. */
  rest: PathSegment[];
}

export function walk(root: Node, path: readonly PathSegment[]): Walk {
  let node: Node = root;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node) && typeof segment === 'string') {
      const found = pairOf(node, segment);
      if (!found || !found.value || !isNodeLike(found.value)) return { node, pair, rest: path.slice(i) };
      pair = found;
      node = found.value as Node;
      continue;
    }
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!item || !isNodeLike(item)) return { node, pair, rest: path.slice(i) };
      pair = undefined;
      node = item as Node;
      continue;
    }
    return { node, pair, rest: path.slice(i) };
  }
  return { node, pair, rest: [] };
}

function isNodeLike(value: unknown): boolean {
  return isScalar(value) || isCollection(value);
}

export { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq };
