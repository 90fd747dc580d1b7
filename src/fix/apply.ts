import type { FindingFix, TextEdit } from './types.js';

/**
 * Applies the fixes of one file that do not overlap, as ESLint does: in order of position, a fix
 * whose edits touch or overlap an edit already taken waits for the next pass (after a re-lint).
 */
export function applyFixes(text: string, fixes: readonly FindingFix[]): { text: string; applied: FindingFix[] } {
  const taken: TextEdit[] = [];
  const applied: FindingFix[] = [];
  const ordered = [...fixes].sort((a, b) => (a.edits[0]?.start ?? 0) - (b.edits[0]?.start ?? 0));
  for (const fix of ordered) {
    if (!fix.edits.length || fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
    applied.push(fix);
  }
  return { text: applyTextEdits(text, taken), applied };
}

/** Edits that do not overlap, applied from the end so earlier offsets stay valid. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Two edits conflict when their ranges meet, even at one point (two inserts at one place could write one key twice). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}
