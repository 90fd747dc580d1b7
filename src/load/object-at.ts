import type { K8sObject } from '../types.js';

/** Finds the object whose source range holds a position of a file (the innermost one for `List` items). */
export function objectLocator(objects: readonly K8sObject[]): (file: string, line: number, column: number) => K8sObject | undefined {
  const byFile = new Map<string, K8sObject[]>();
  for (const obj of objects) {
    let list = byFile.get(obj.source.file);
    if (!list) byFile.set(obj.source.file, (list = []));
    list.push(obj);
  }
  return (file, line, column) => {
    let found: K8sObject | undefined;
    for (const obj of byFile.get(file) ?? []) {
      const { start, end } = obj.source.range;
      const after = line > start.line || (line === start.line && column >= start.column);
      const before = line < end.line || (line === end.line && column <= end.column);
      if (after && before && (!found || obj.source.range.start.line >= found.source.range.start.line)) found = obj;
    }
    return found;
  };
}
