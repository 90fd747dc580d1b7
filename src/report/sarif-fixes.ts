import { FileFixer } from '../fix/resolve.js';
import type { TextEdit } from '../fix/types.js';
import type { Finding } from '../types.js';

/**
 * SARIF `fixes` for findings that carry a repair: the same edits `--fix` applies, as replacements
 * of line/column regions (UTF-16 columns, as the log's `columnKind` says).
 */
export class SarifFixes {
  private readonly fixers = new Map<string, FileFixer>();

  constructor(private readonly texts: ReadonlyMap<string, string> | undefined) {}

  of(finding: Finding, uri: { uri: string; uriBaseId: string }): { fixes?: unknown[] } {
    const text = finding.fix ? this.texts?.get(finding.file) : undefined;
    if (!finding.fix || text === undefined) return {};
    let fixer = this.fixers.get(finding.file);
    if (!fixer) this.fixers.set(finding.file, (fixer = new FileFixer(text)));
    const fix = fixer.resolve(finding.fix);
    if (!fix) return {};
    return {
      fixes: [{
        description: { text: fix.description },
        artifactChanges: [{ artifactLocation: uri, replacements: fix.edits.map((edit) => replacement(text, edit)) }],
      }],
    };
  }
}

function replacement(text: string, edit: TextEdit) {
  const start = lineColumn(text, edit.start);
  const end = lineColumn(text, edit.end);
  return { deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }, insertedContent: { text: edit.text } };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
