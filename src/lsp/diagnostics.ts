import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { PendingFix } from '../fix/resolve.js';
import type { Finding, Severity } from '../types.js';

/** Where each rule's documentation lives; `#<rule id>` is appended. */
export const RULE_DOCS_URL = 'https://github.com/kubeknit/kubeknit/blob/main/docs/rules.md';

export const DIAGNOSTIC_SOURCE = 'kubeknit';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to code actions. */
export interface DiagnosticData {
  ruleId: string;
  path?: string;
  /** The finding's repair, resolved against the document's text when a code action is asked for. */
  fix?: PendingFix;
}

/** A finding as an LSP diagnostic: 1-based line/column become 0-based positions. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const start = { line: finding.line - 1, character: finding.column - 1 };
  const end = { line: finding.endLine - 1, character: finding.endColumn - 1 };
  const diagnostic: Diagnostic = {
    range: { start, end: end.line < start.line || (end.line === start.line && end.character < start.character) ? start : end },
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: `${RULE_DOCS_URL}#${finding.ruleId}` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: (finding.fix ? { ruleId: finding.ruleId, path: finding.path, fix: finding.fix } : { ruleId: finding.ruleId, path: finding.path }) satisfies DiagnosticData,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => {
      const at = { line: r.line - 1, character: r.column - 1 };
      return { location: { uri: pathToFileURL(r.file).href, range: { start: at, end: at } }, message: r.message };
    });
  }
  return diagnostic;
}
