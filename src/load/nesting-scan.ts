/**
 * A linear pre-scan of YAML text that finds documents nesting deeper than a limit, before any YAML
 * library parses them: yaml's parser and composer cost superlinear time, memory and stack on
 * thousands of nested `[[[…` (800 KB took 40 s and 1.4 GB), and where its recursion overflowed
 * depended on the thread's stack, so the finding moved with `--jobs`.
 *
 * The scan knows just enough YAML to count collections: flow brackets, block indentation and
 * compact `- ` / `? ` / `key:` on one line. Brackets inside quoted, plain and block scalars and
 * comments do not count. Flow depth is exact; block depth may count a level or two less than the
 * document has (never more on valid YAML), so the parsed-value check in `parse.ts` stays as a backstop.
 */

import { MAX_NESTING_DEPTH } from './parse.js';
import type { LoadProblem } from './problems.js';

/** The documents of a text that nest too deeply, and the text with them blanked out. */
export interface RefusedDocuments {
  problems: LoadProblem[];
  /** The text with each refused document turned into comment lines (same offsets and lines; a leading `---` stays). */
  rest: string;
}

/**
 * Refuses the documents of a file's text (without byte-order mark) that nest deeper than
 * MAX_NESTING_DEPTH, before any parser sees them. Undefined when none does.
 */
export function refuseDeepDocuments(file: string, text: string): RefusedDocuments | undefined {
  const deep = findDeepDocuments(text, MAX_NESTING_DEPTH);
  if (!deep.length) return undefined;
  const parts: string[] = [];
  let done = 0;
  const problems = deep.map(({ span: [start, end], at }): LoadProblem => {
    const from = text.startsWith('---', start) ? start + (text[start + 3] === ' ' || text[start + 3] === '\t' ? 4 : 3) : start;
    parts.push(text.slice(done, from), asComment(text.slice(from, end)));
    done = end;
    const position = positionAt(text, at);
    return {
      kind: 'too-deep', file, range: { start: position, end: { line: position.line, column: position.column + 1 } },
      message: `document nests deeper than ${MAX_NESTING_DEPTH} levels; no Kubernetes object does, so it was not linted`,
    };
  });
  parts.push(text.slice(done));
  return { problems, rest: parts.join('') };
}

/** The text as comment lines of the same lengths: cheaper for the parser to pass over than blanks. */
function asComment(text: string): string {
  return text.replace(/[^\n]+/g, (line) => `#${' '.repeat(line.length - 1)}`);
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - text.lastIndexOf('\n', offset - 1) };
}

/** A document the scan refused: its span [start, end) of the text, and the offset where it went too deep. */
export interface DeepDocument {
  span: readonly [number, number];
  at: number;
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/** Documents of `text` that nest deeper than `limit` collections (in text order). */
export function findDeepDocuments(text: string, limit: number): DeepDocument[] {
  // A lone carriage return ends a line in YAML too (same length, so offsets stay).
  const lines = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  return new NestingScan(lines, limit).run();
}

interface BlockLevel {
  indent: number;
  sequence: boolean;
}

class NestingScan {
  private pos = 0;
  private docStart = 0;
  private flow = 0;
  private block: BlockLevel[] = [];
  /** Levels the current line adds after its first token (compact `- - x`, `- key:`). */
  private inline = 0;
  /** Lines more indented than this belong to a block scalar (`|`, `>`); null outside one. */
  private blockScalarAbove: number | null = null;
  /** The last line ended in a plain scalar: a more indented line continues it. */
  private plainOpenAt: number | null = null;
  /** The last line ended with `key:` or `-` and no value: the next line may nest under it. */
  private openedAt: number | null = null;
  private readonly found: DeepDocument[] = [];
  /** Where the line being read starts (for columns). */
  private lineBegin = 0;
  /** A flow collection or quoted scalar stopped at a document marker, or the document was refused: back to `line()`. */
  private interrupted = false;

  constructor(private readonly text: string, private readonly limit: number) {}

  run(): DeepDocument[] {
    while (this.pos < this.text.length) this.line();
    return this.found;
  }

  /** One line in block context (a flow collection or quoted scalar may carry on past its end). */
  private line(): void {
    const { text } = this;
    const start = this.pos;
    this.lineBegin = start;
    this.interrupted = false;
    if (this.atDocumentMarker(start)) {
      const isEnd = text.startsWith('...', start);
      this.newDocument(isEnd ? this.lineEnd(start) + 1 : start);
      if (isEnd) {
        this.pos = this.lineEnd(start) + 1;
        return;
      }
      this.pos = start + 3; // content may follow `---` on the same line
      this.lineTokens(-1, false);
      return;
    }
    if (start === this.docStart && text[start] === '%') {
      this.pos = this.lineEnd(start) + 1; // a directive
      this.docStart = this.pos;
      return;
    }
    let i = start;
    while (text[i] === ' ' || text[i] === '\t') i++;
    const indent = i - start;
    const blank = i >= text.length || text[i] === '\n' || text[i] === '\r' || text[i] === '#';
    if (this.blockScalarAbove !== null) {
      if (blank || indent > this.blockScalarAbove) return this.skipLine();
      this.blockScalarAbove = null;
    }
    if (blank) return this.skipLine();
    if (this.plainOpenAt !== null && indent > this.plainOpenAt) return this.skipLine(); // continues a multi-line plain scalar
    this.plainOpenAt = null;
    const sequence = text[i] === '-' && isBlankAt(text, i + 1);
    // A line that starts with a flow collection adds no block level: the collection is the level.
    const startsFlow = text[i] === '[' || text[i] === '{';
    while (this.block.length && this.block[this.block.length - 1].indent > indent) this.block.pop();
    const top = this.block[this.block.length - 1];
    const nestsUnderKey = this.openedAt !== null && sequence && indent === this.openedAt && top?.indent === indent && !top.sequence;
    if (top?.indent === indent && top.sequence !== sequence && !nestsUnderKey) this.block.pop();
    if (!startsFlow && (this.block[this.block.length - 1]?.indent !== indent || nestsUnderKey)) this.block.push({ indent, sequence });
    this.openedAt = null;
    this.pos = i;
    this.lineTokens(indent, true);
  }

  /** The tokens of a line from `this.pos`: indicators, keys, scalars, and flow collections. */
  private lineTokens(indent: number, atLineStart: boolean): void {
    const { text } = this;
    this.inline = 0;
    let first = atLineStart;
    let afterIndicator = false;
    let keyOnLine = false;
    let lastColumnOwner = indent; // the column a block scalar's content must be indented past
    let open = false; // the line so far ends with an indicator and no value
    for (;;) {
      while (text[this.pos] === ' ' || text[this.pos] === '\t') this.pos++;
      const c = text[this.pos];
      if (c === undefined || c === '\n' || c === '\r' || c === '#') break;
      const column = this.pos - this.lineBegin;
      if ((c === '-' || c === '?') && isBlankAt(text, this.pos + 1)) {
        if (!first) this.inline++;
        if (this.tooDeep(this.pos)) return;
        lastColumnOwner = column;
        afterIndicator = true;
        open = true;
        first = false;
        this.pos++;
        continue;
      }
      if (c === ':' && isBlankAt(text, this.pos + 1)) {
        open = true;
        this.pos++;
        continue;
      }
      first = false;
      open = false;
      if (c === '[' || c === '{') {
        this.flowCollection();
        if (this.interrupted) return;
        continue;
      }
      if (c === '"' || c === "'") {
        this.quoted();
        if (this.interrupted) return;
        continue;
      }
      if (c === '|' || c === '>') {
        this.blockScalarAbove = lastColumnOwner;
        break;
      }
      if (c === '&' || c === '!' || c === '*') {
        while (this.pos < text.length && !isBlankAt(text, this.pos)) this.pos++;
        open = c !== '*';
        continue;
      }
      // A plain scalar: it runs to `: `, ` #` or the end of the line.
      const scalarStart = this.pos;
      const key = this.plain();
      if (key) {
        if (afterIndicator && !keyOnLine) this.inline++;
        keyOnLine = true;
        lastColumnOwner = column;
        open = true;
        this.pos++; // the `:`
        if (this.tooDeep(scalarStart)) return;
      } else {
        this.plainOpenAt = lastColumnOwner;
        break;
      }
    }
    if (open) this.openedAt = lastColumnOwner;
    this.skipLine();
  }

  /** Reads a plain scalar in block context; true when it ended at a key's `:` (left at `this.pos`). */
  private plain(): boolean {
    const { text } = this;
    for (;;) {
      const c = text[this.pos];
      if (c === undefined || c === '\n' || c === '\r') return false;
      if (c === ':' && isBlankAt(text, this.pos + 1)) return true;
      if (c === '#' && (text[this.pos - 1] === ' ' || text[this.pos - 1] === '\t')) return false;
      this.pos++;
    }
  }

  /** A flow collection from its opening bracket to its closing one, across lines. */
  private flowCollection(): void {
    const { text } = this;
    let inPlain = false;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === '\n') {
        this.pos++;
        this.lineBegin = this.pos;
        inPlain = false;
        if (this.atDocumentMarker(this.pos)) {
          this.flow = 0; // unclosed: the next document starts
          this.interrupted = true;
          return;
        }
        continue;
      }
      if (c === '#' && (this.pos === 0 || isBlankAt(text, this.pos - 1))) {
        this.pos = this.lineEnd(this.pos);
        continue;
      }
      if (c === '[' || c === '{') {
        this.flow++;
        inPlain = false;
        if (this.tooDeep(this.pos)) return;
        this.pos++;
        continue;
      }
      if (c === ']' || c === '}') {
        this.flow = Math.max(0, this.flow - 1);
        inPlain = false;
        this.pos++;
        if (this.flow === 0) return;
        continue;
      }
      if (c === ',' || (c === ':' && (isBlankAt(text, this.pos + 1) || isFlowIndicator(text[this.pos + 1])))) {
        inPlain = false;
        this.pos++;
        continue;
      }
      if (!inPlain && (c === '"' || c === "'")) {
        this.quoted();
        if (this.interrupted) return;
        continue;
      }
      if (c !== ' ' && c !== '\t' && c !== '\r') inPlain = true;
      this.pos++;
    }
  }

  /** A single- or double-quoted scalar, across lines; a document marker ends it (as yaml recovers). */
  private quoted(): void {
    const { text } = this;
    const quote = text[this.pos++];
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (quote === '"' && c === '\\') {
        if (text[this.pos + 1] === '\n') this.lineBegin = this.pos + 2;
        this.pos += 2;
        continue;
      }
      if (c === quote) {
        if (quote === "'" && text[this.pos + 1] === "'") {
          this.pos += 2;
          continue;
        }
        this.pos++;
        return;
      }
      if (c === '\n') {
        this.lineBegin = this.pos + 1;
        if (this.atDocumentMarker(this.pos + 1)) {
          this.pos++;
          this.interrupted = true;
          return;
        }
      }
      this.pos++;
    }
  }

  /** Records the current document as too deep at `offset` when it is, and moves to the next document. */
  private tooDeep(offset: number): boolean {
    const depth = this.block.length + this.inline + this.flow;
    if (depth <= this.limit) return false;
    DOCUMENT_MARKER.lastIndex = offset;
    const next = DOCUMENT_MARKER.exec(this.text);
    const end = next ? next.index : this.text.length;
    this.found.push({ span: [this.docStart, end], at: offset });
    this.pos = end;
    this.newDocument(end);
    this.interrupted = true;
    return true;
  }

  private newDocument(start: number): void {
    this.docStart = start;
    this.flow = 0;
    this.block = [];
    this.inline = 0;
    this.blockScalarAbove = null;
    this.plainOpenAt = null;
    this.openedAt = null;
  }

  private atDocumentMarker(offset: number): boolean {
    const { text } = this;
    if (offset !== 0 && text[offset - 1] !== '\n') return false;
    return (text.startsWith('---', offset) || text.startsWith('...', offset)) && isBlankAt(text, offset + 3);
  }

  private skipLine(): void {
    this.pos = this.lineEnd(this.pos) + 1;
  }

  private lineEnd(offset: number): number {
    const end = this.text.indexOf('\n', offset);
    return end < 0 ? this.text.length : end;
  }
}

/** Whitespace, a line end or the end of the text. */
function isBlankAt(text: string, offset: number): boolean {
  const c = text[offset];
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function isFlowIndicator(c: string | undefined): boolean {
  return c === ',' || c === '[' || c === ']' || c === '{' || c === '}';
}
