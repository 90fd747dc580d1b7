import type { FieldPath, Range } from '../../types.js';
import { parseFieldPath } from '../field-path.js';

/** One line of a template, with what matters for finding keys in it. */
interface TemplateLine {
  /** 1-based. */
  number: number;
  indent: number;
  /** The line without its indent and a leading `- `. */
  content: string;
  /** Column (1-based) where `content` starts. */
  column: number;
  /** The line starts a list item (`- …`). */
  item: boolean;
  /** A line of only a template action (`{{- if … }}`) or a comment: no YAML structure of its own. */
  action: boolean;
}

function splitLines(text: string): TemplateLine[] {
  return text.split('\n').map((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    let content = line.trimStart();
    let column = indent + 1;
    const item = /^-(\s|$)/.test(content);
    if (item) {
      const rest = content.slice(1);
      column += 1 + (rest.length - rest.trimStart().length);
      content = rest.trimStart();
    }
    const action = content === '' || content.startsWith('{{') || content.startsWith('#');
    return { number: i + 1, indent, content, column, item, action };
  });
}

/** A template file split into its YAML documents (at `---` lines), each a run of lines. */
export class TemplateText {
  private readonly documents: TemplateLine[][] = [];

  constructor(text: string) {
    let current: TemplateLine[] = [];
    for (const line of splitLines(text)) {
      if (/^---(\s|$)/.test(line.content) && line.indent === 0) {
        this.documents.push(current);
        current = [];
      } else {
        current.push(line);
      }
    }
    this.documents.push(current);
  }

  /**
   * The document an object came from: the `index`-th of `count` documents rendered from this template
   * when the template has as many with YAML keys; else the only one that names the object's kind.
   */
  documentFor(kind: string, index: number, count: number): number | undefined {
    const withKeys = this.documents.map((d, i) => (d.some((l) => !l.action && l.indent === 0) ? i : -1)).filter((i) => i >= 0);
    if (withKeys.length === count && index < count) return withKeys[index];
    const naming = withKeys.filter((i) => this.documents[i].some((l) => l.indent === 0 && new RegExp(`^kind:\\s*["']?${escape(kind)}["']?\\s*$`).test(l.content)));
    return naming.length === 1 ? naming[0] : withKeys.length === 1 ? withKeys[0] : undefined;
  }

  /** The line of a document's first key (where the object starts). */
  objectRange(documentIndex: number): Range | undefined {
    const first = this.documents[documentIndex]?.find((l) => !l.action && l.indent === 0);
    return first ? lineRange(first) : undefined;
  }

  /**
   * Where a field path's keys are written in a document: key by key, each inside the block of the one
   * before. A key that is not in the text (a value from `toYaml`, a list from `range`) stops the walk
   * at the deepest key found, which is where that part of the template is written.
   */
  locate(documentIndex: number, path: FieldPath): Range | undefined {
    const lines = this.documents[documentIndex];
    const first = lines?.findIndex((l) => !l.action && l.indent === 0) ?? -1;
    if (first < 0) return undefined;
    let at = -1; // the line found for the path so far; -1: the document itself
    for (const seg of parseFieldPath(path)) {
      const next = typeof seg === 'number' ? findItem(lines, at, seg) : findKey(lines, at, seg);
      if (next === undefined) break;
      at = next;
    }
    return lineRange(lines[at < 0 ? first : at]);
  }
}

/** Column (0-based) of the key a line holds; for a list item, of the key after `- `. */
const keyColumn = (line: TemplateLine) => line.column - 1;

/** The line of `key:` among the keys of the node at line `at` (a key, a list item, or -1 for the document). */
function findKey(lines: readonly TemplateLine[], at: number, key: string): number | undefined {
  const pattern = new RegExp(`^["']?${escape(key)}["']?\\s*:(\\s|$)`);
  const owner = at >= 0 ? lines[at] : undefined;
  if (owner?.item && pattern.test(owner.content)) return at;
  const ownerIndent = owner ? owner.indent : -1;
  let blockColumn: number | undefined = owner?.item ? keyColumn(owner) : undefined;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.action) continue;
    if (line.indent <= ownerIndent) return undefined;
    if (line.item) continue; // an item of a nested list
    blockColumn ??= keyColumn(line);
    if (keyColumn(line) === blockColumn && pattern.test(line.content)) return i;
  }
  return undefined;
}

/** The line of the `index`-th item (`- `) of the list under the key at line `at`; none when a `range` writes the items. */
function findItem(lines: readonly TemplateLine[], at: number, index: number): number | undefined {
  const owner = at >= 0 ? lines[at] : undefined;
  if (!owner || owner.item) return undefined;
  let count = -1;
  let itemIndent: number | undefined;
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.action) {
      if (/\{\{-?\s*range\b/.test(line.content)) return undefined;
      continue;
    }
    if (line.indent < owner.indent || (line.indent === owner.indent && !line.item)) return undefined;
    if (!line.item) continue;
    itemIndent ??= line.indent;
    if (line.indent !== itemIndent) continue;
    if (++count === index) return i;
  }
  return undefined;
}

function lineRange(line: TemplateLine): Range {
  return { start: { line: line.number, column: line.column }, end: { line: line.number, column: line.column + line.content.length } };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
