import { CST, Lexer } from 'yaml';
import { lineCounterOf, offsetsToRange } from '../load/locate.js';
import { withoutByteOrderMark } from '../load/parse.js';
import type { Range } from '../types.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

/** A `# kubeknit-…` comment. */
export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names; empty means every rule. */
  ruleIds: string[];
  reason?: string;
  range: Range;
}

const DIRECTIVE = /^#\s*kubeknit-(disable-next-line|disable-file|disable|enable)(?=\s|$)(.*)$/;
/** yaml's lexer marks document and scalar starts with these; they take no room in the text. */
const ZERO_WIDTH_TOKENS = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/**
 * The directive comments of a file. The YAML lexer tells real comments from `#` inside strings
 * and block scalars.
 */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes('kubeknit-')) return [];
  const source = withoutByteOrderMark(text); // as the loader parses it
  const lineCounter = lineCounterOf(source);
  let offset = 0;
  const directives: Directive[] = [];
  for (const token of new Lexer().lex(source)) {
    const type = CST.tokenType(token);
    if (type === 'comment') {
      const directive = parseComment(token);
      if (directive) directives.push({ ...directive, range: offsetsToRange(lineCounter, offset, offset + token.length) });
    }
    if (!ZERO_WIDTH_TOKENS.has(type ?? '')) offset += token.length;
  }
  return directives;
}

function parseComment(comment: string): Omit<Directive, 'range'> | undefined {
  const match = DIRECTIVE.exec(comment.trimEnd());
  if (!match) return undefined;
  const [list, ...reason] = match[2].split(/\s--\s|\s--$/);
  const ruleIds = list.split(/[\s,]+/).filter(Boolean);
  const why = reason.join(' -- ').trim();
  return { kind: match[1] as DirectiveKind, ruleIds, ...(why ? { reason: why } : {}) };
}
