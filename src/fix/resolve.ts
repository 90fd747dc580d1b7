import type { Position } from '../types.js';
import { documentAt, parseForEdits, walk, type Node } from './yaml-nodes.js';
import { EditContext, textEditsOf } from './text-edits.js';
import type { Fix, FindingFix, TextEdit } from './types.js';

/** A rule's fix with where its object stands in the file, as a finding carries it. */
export interface PendingFix extends Fix {
  /** Where the object starts (1-based), to find its YAML document. */
  objectStart: Position;
  /** For an item of a `kind: List`, its index in `items`. */
  itemIndex?: number;
}

/** Parses a file once for all the fixes of its findings. */
export class FileFixer {
  private readonly ctx: EditContext;
  private documents?: ReturnType<typeof parseForEdits>;
  private lineStarts?: number[];
  /** Positions count from after a byte-order mark, as the loader parsed; edits apply to the text with it. */
  private readonly shift: number;
  private readonly text: string;

  constructor(text: string) {
    this.shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.text = text.slice(this.shift);
    this.ctx = new EditContext(this.text);
  }

  /** The fix as text edits, or undefined when the file's shape does not allow it (it is then not offered). */
  resolve(fix: PendingFix): FindingFix | undefined {
    const root = this.objectRoot(fix);
    if (!root) return undefined;
    const edits: TextEdit[] = [];
    for (const edit of fix.edits) {
      const made = textEditsOf(this.ctx, root, edit);
      if (!made) return undefined;
      edits.push(...made);
    }
    const shifted = edits.map((e) => ({ start: e.start + this.shift, end: e.end + this.shift, text: e.text }));
    return { type: fix.type, description: fix.description, edits: shifted.sort((a, b) => a.start - b.start) };
  }

  private objectRoot(fix: PendingFix): Node | undefined {
    this.documents ??= parseForEdits(this.text);
    const document = documentAt(this.documents, this.offsetOf(fix.objectStart));
    const contents = document?.contents as Node | null | undefined;
    if (!contents) return undefined;
    if (fix.itemIndex === undefined) return contents;
    const item = walk(contents, ['items', fix.itemIndex]);
    return item.rest.length ? undefined : item.node;
  }

  private offsetOf(position: Position): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') this.lineStarts.push(i + 1);
    }
    return (this.lineStarts[position.line - 1] ?? this.text.length) + position.column - 1;
  }
}
