import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../fix/apply.js';
import { FileFixer, type PendingFix } from '../fix/resolve.js';
import type { FindingFix } from '../fix/types.js';
import { isPlainObject } from '../k8s/guards.js';
import { DIAGNOSTIC_SOURCE } from './diagnostics.js';
import { fits, PENDING_FIX } from './params.js';

/** The comment that silences one rule on the next line (read by the suppression support). */
export const DISABLE_NEXT_LINE = 'kubeknit-disable-next-line';

/** The code action kind of "fix all kubeknit problems in this file" (editors may run it on save). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeknit`;

/**
 * Code actions for kubeknit's diagnostics in one document: each finding's own fix (the same fix
 * object `--fix` and SARIF use), "fix all problems in the file", and disabling the rule for the line.
 */
export function codeActionsFor(document: TextDocument, diagnostics: readonly Diagnostic[], options: { only?: readonly string[]; fileDiagnostics?: readonly Diagnostic[] } = {}): CodeAction[] {
  const ours = (list: readonly Diagnostic[]) => list.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
  const fixer = new FileFixer(document.getText());
  const resolve = (diagnostic: Diagnostic) => {
    const pending = fixOf(diagnostic);
    return pending ? fixer.resolve(pending) : undefined;
  };
  const actions: CodeAction[] = [];
  for (const diagnostic of ours(diagnostics)) {
    const fix = resolve(diagnostic);
    if (fix) {
      actions.push({
        title: fix.description,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.type === 'problem',
        edit: { changes: { [document.uri]: toLspEdits(document, fix) } },
      });
    }
    actions.push(disableForLine(document, diagnostic, String(diagnostic.code)));
  }
  // Fix all: every problem fix of the file, not only those of the diagnostics in the request's range.
  const problems = ours(options.fileDiagnostics ?? diagnostics).flatMap((diagnostic) => {
    const fix = resolve(diagnostic);
    return fix?.type === 'problem' ? [{ diagnostic, fix }] : [];
  });
  if (problems.length) {
    const { text, applied } = applyFixes(document.getText(), problems.map((p) => p.fix));
    const whole = { start: document.positionAt(0), end: document.positionAt(document.getText().length) };
    actions.push({
      title: `Fix all kubeknit problems in this file (${applied.length})`,
      kind: FIX_ALL_KIND,
      diagnostics: problems.filter((p) => applied.includes(p.fix)).map((p) => p.diagnostic),
      edit: { changes: { [document.uri]: [{ range: whole, newText: text }] } },
    });
  }
  const { only } = options;
  return only?.length ? actions.filter((a) => only.some((kind) => a.kind === kind || a.kind?.startsWith(`${kind}.`))) : actions;
}

/** The pending fix a diagnostic carries; anything else in `data` (it comes back from the client) is ignored. */
function fixOf(diagnostic: Diagnostic): PendingFix | undefined {
  const data: unknown = diagnostic.data;
  return isPlainObject(data) && fits(PENDING_FIX, data.fix) ? (data.fix as unknown as PendingFix) : undefined;
}

function toLspEdits(document: TextDocument, fix: FindingFix): LspTextEdit[] {
  return fix.edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text }));
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
