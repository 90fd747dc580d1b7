import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';

/** The comment that silences one rule on the next line (read by the suppression support). */
export const DISABLE_NEXT_LINE = 'kubeknit-disable-next-line';

/** `did you mean `X`` or `did you mean "X"` right after the words (not `did you mean kind "X"`). */
const SUGGESTION = /did you mean (?:`([^`]+)`|"([^"]+)")/;
const KEY_AT_START = /^(["']?)([^\s:"'#{}[\],]+)\1\s*:/;

/** Quick fixes for kubeknit's diagnostics in one document. */
export function codeActionsFor(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const rename = replaceSuggestedField(document, diagnostic);
    if (rename) actions.push(rename);
    actions.push(disableForLine(document, diagnostic, diagnostic.code));
  }
  return actions;
}

/** Inserts `# kubeknit-disable-next-line <rule>` above the diagnostic's line, indented like it. */
function disableForLine(document: TextDocument, diagnostic: Diagnostic, ruleId: string): CodeAction {
  const line = diagnostic.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text)![0];
  const at = { line, character: 0 };
  return {
    title: `Disable ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${indent}# ${DISABLE_NEXT_LINE} ${ruleId}\n` }] } },
  };
}

/** For "unknown field … did you mean `X`" (or "X"): replaces the field name the diagnostic starts at with X. */
function replaceSuggestedField(document: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const found = SUGGESTION.exec(message);
  const suggestion = found?.[1] ?? found?.[2];
  if (!suggestion) return undefined;
  const start = diagnostic.range.start;
  const rest = document.getText({ start, end: { line: start.line + 1, character: 0 } });
  const key = KEY_AT_START.exec(rest);
  if (!key) return undefined;
  const quote = key[1].length;
  const name = key[2];
  // A suggestion may be written as a path (`spec.replicas`); the key is its last segment.
  const replacement = name.includes('.') ? suggestion : suggestion.slice(suggestion.lastIndexOf('.') + 1);
  const range = { start: { line: start.line, character: start.character + quote }, end: { line: start.line, character: start.character + quote + name.length } };
  return {
    title: `Replace "${name}" with "${replacement}"`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: [{ range, newText: replacement }] } },
  };
}
