import type { Finding } from '../types.js';

/**
 * Two overlays built from one base report a defect of the base twice, at the same place with the
 * same words: keep the first. Only findings on rendered objects are compared.
 */
export function dropRepeatedFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (!f.rendered) return true;
    const key = JSON.stringify([f.ruleId, f.file, f.line, f.column, f.endLine, f.endColumn, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
