import type { LineCounter } from 'yaml';
import { FileFixer } from '../fix/resolve.js';
import { lineCounterOf } from '../load/locate.js';
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
    const lines = lineCounterOf(text);
    return {
      fixes: [{
        description: { text: fix.description },
        artifactChanges: [{ artifactLocation: uri, replacements: fix.edits.map((edit) => replacement(lines, edit)) }],
      }],
    };
  }
}

function replacement(lines: LineCounter, edit: TextEdit) {
  const start = lines.linePos(edit.start);
  const end = lines.linePos(edit.end);
  return { deletedRegion: { startLine: start.line, startColumn: start.col, endLine: end.line, endColumn: end.col }, insertedContent: { text: edit.text } };
}
