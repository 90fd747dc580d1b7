import { isMap, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from '../load/yaml-options.js';
import type { PathSegment } from '../load/field-path.js';

/** Where a text offset falls in a YAML file: which document, and the field path to the node under it. */
export interface PathAtOffset {
  documentIndex: number;
  /** Path from the document root, e.g. `['spec', 'selector', 'app']`. */
  path: PathSegment[];
  /** True when the offset is on a map key rather than its value. */
  onKey: boolean;
  /** The scalar value under the offset, if any. */
  value?: unknown;
}

/**
 * Maps an offset (0-based, in characters) to the deepest field path whose node contains it.
 * Broken documents still resolve as far as the yaml library could read them.
 */
export function pathAtOffset(text: string, offset: number): PathAtOffset | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = bom ? text.slice(1) : text;
  const at = offset - bom;
  const docs = parseAllDocuments(source, KUBERNETES_YAML_OPTIONS); // keys as the loader reads them (`yes:` is "true")
  if (!Array.isArray(docs)) return undefined;
  const documentIndex = docs.findIndex((doc) => doc.range[0] <= at && at <= doc.range[2]);
  if (documentIndex < 0) return undefined;
  const result: PathAtOffset = { documentIndex, path: [], onKey: false };
  let node = docs[documentIndex].contents as Node | null;
  while (node) {
    if (isScalar(node)) {
      result.value = node.value;
      break;
    }
    let next: Node | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key && contains(key, at)) {
          result.path.push(keyOf(key));
          result.onKey = true;
          result.value = isScalar(key) ? key.value : undefined;
          return result;
        }
        if (value && contains(value, at)) {
          result.path.push(key ? keyOf(key) : '');
          next = value;
          break;
        }
      }
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => item !== null && contains(item as Node, at));
      if (index >= 0) {
        result.path.push(index);
        next = node.items[index] as Node;
      }
    }
    node = next;
  }
  return result;
}

function contains(node: Node, offset: number): boolean {
  const range = node.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

function keyOf(key: Node): string {
  return isScalar(key) ? String(key.value) : String(key);
}
