import type { K8sObject, Position } from '../types.js';

/**
 * Finds the object whose source range holds a position of a file. Objects of one file do not
 * overlap (documents, or the items of a `List`), so a binary search over their starts finds it.
 */
export function objectLocator(objects: readonly K8sObject[]): (file: string, line: number, column: number) => K8sObject | undefined {
  const byFile = new Map<string, K8sObject[]>();
  for (const obj of objects) {
    let list = byFile.get(obj.source.file);
    if (!list) byFile.set(obj.source.file, (list = []));
    list.push(obj);
  }
  for (const list of byFile.values()) list.sort((a, b) => compare(a.source.range.start, b.source.range.start));
  return (file, line, column) => {
    const list = byFile.get(file);
    if (!list) return undefined;
    const at = { line, column };
    let low = 0;
    let high = list.length - 1;
    let candidate: K8sObject | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (compare(list[mid].source.range.start, at) <= 0) {
        candidate = list[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return candidate && compare(at, candidate.source.range.end) <= 0 ? candidate : undefined;
  };
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}
