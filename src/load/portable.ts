import type { K8sObject, Range } from '../types.js';
import type { FileLoad } from './index.js';
import { manifestObject, SourceLocator, withoutByteOrderMark, type LocatedRanges } from './parse.js';

/** A file's load as plain data (no functions), for worker messages and the cache. */
export interface PortableFileLoad {
  text?: string;
  parsed: Omit<FileLoad['parsed'], 'objects' | 'locator'> & { objects: PortableObject[] };
}

/**
 * An object as the cache and workers keep it: its body and where it stands. The rest (id, kind,
 * labels…) is worked out from the body again (`manifestObject`): read back, a third of the bytes
 * and about half the time of the whole object.
 */
export interface PortableObject {
  body: K8sObject['body'];
  documentIndex: number;
  itemIndex?: number;
  /** `source.range` as [start line, start column, end line, end column]. */
  range: [number, number, number, number];
}

/**
 * Drops the `locate` functions (they close over the parsed text); `withLocators` gives them back.
 * `text: false` drops the file's text too, for a receiver that has it already; `positions: false`
 * the documents' node positions (fields are then located by parsing a document again).
 */
export function toPortable(load: FileLoad, options: { text?: boolean; positions?: boolean } = {}): PortableFileLoad {
  const objects = load.parsed.objects.map(({ body, source: { documentIndex, itemIndex, range } }): PortableObject => {
    const portable: PortableObject = { body, documentIndex, range: [range.start.line, range.start.column, range.end.line, range.end.column] };
    if (itemIndex !== undefined) portable.itemIndex = itemIndex;
    return portable;
  });
  const { locator: _locator, positions, ...parsed } = load.parsed;
  return { text: options.text === false ? undefined : load.text, parsed: { ...parsed, objects, positions: options.positions === false ? undefined : positions } };
}

/**
 * Rebuilds the objects and their `source.locate` from the file's text; the text is parsed again
 * only when a field is located that `located` (ranges found by an earlier run over the same text)
 * does not hold.
 */
export function withLocators(load: PortableFileLoad, located?: LocatedRanges): FileLoad {
  const { text, parsed } = load;
  const locator = text !== undefined && parsed.objects.length ? new SourceLocator(withoutByteOrderMark(text), parsed.spans ?? [], undefined, parsed.positions) : undefined;
  if (locator && located) locator.remember(located);
  const unlocatable = (): Range => {
    throw new Error(`${parsed.file}: fields cannot be located without the file's text`);
  };
  const objects = parsed.objects.map(({ body, documentIndex, itemIndex, range: [startLine, startColumn, endLine, endColumn] }) => manifestObject(body, {
    file: parsed.file,
    documentIndex,
    itemIndex,
    range: { start: { line: startLine, column: startColumn }, end: { line: endLine, column: endColumn } },
    locate: locator ? (path) => locator.locate(documentIndex, itemIndex, path) : unlocatable,
  }));
  return { text, parsed: { ...parsed, objects, ...(locator ? { locator } : {}) } };
}
