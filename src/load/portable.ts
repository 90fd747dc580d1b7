import type { K8sObject, ObjectSource } from '../types.js';
import type { FileLoad } from './index.js';
import { SourceLocator, withoutByteOrderMark, type LocatedRanges } from './parse.js';

/** A file's load as plain data (no functions), for worker messages and the cache. */
export interface PortableFileLoad {
  text?: string;
  parsed: Omit<FileLoad['parsed'], 'objects' | 'locator'> & { objects: PortableObject[] };
}

export type PortableObject = Omit<K8sObject, 'source'> & { source: Omit<ObjectSource, 'locate'> };

/**
 * Drops the `locate` functions (they close over the parsed text); `withLocators` gives them back.
 * `text: false` drops the file's text too, for a receiver that has it already; `positions: false`
 * the documents' node positions (fields are then located by parsing a document again).
 */
export function toPortable(load: FileLoad, options: { text?: boolean; positions?: boolean } = {}): PortableFileLoad {
  const objects = load.parsed.objects.map(({ source, ...obj }): PortableObject => {
    const { locate: _locate, ...plain } = source;
    return { ...obj, source: plain };
  });
  const { locator: _locator, positions, ...parsed } = load.parsed;
  return { text: options.text === false ? undefined : load.text, parsed: { ...parsed, objects, positions: options.positions === false ? undefined : positions } };
}

/**
 * Rebuilds `source.locate` from the file's text; the text is parsed again only when a field is
 * located that `located` (ranges found by an earlier run over the same text) does not hold.
 */
export function withLocators(load: PortableFileLoad, located?: LocatedRanges): FileLoad {
  const { text, parsed } = load;
  const objects = parsed.objects as K8sObject[]; // completed in place: a portable load is used once
  if (objects.length && text !== undefined) {
    const locator = new SourceLocator(withoutByteOrderMark(text), parsed.spans ?? [], undefined, parsed.positions);
    if (located) locator.remember(located);
    for (const obj of objects) {
      const { documentIndex, itemIndex } = obj.source;
      obj.source.locate = (path) => locator.locate(documentIndex, itemIndex, path);
    }
    return { text, parsed: { ...parsed, objects, locator } };
  }
  return { text, parsed: { ...parsed, objects } };
}
