import { lint, type LintOptions, type LintResult } from '../index.js';
import type { Finding } from '../types.js';
import { applyFixes } from './apply.js';
import { FileFixer } from './resolve.js';
import type { FixEdit, FixType } from './types.js';
import { formatFieldPath, normalizeFieldPath, parseFieldPath } from '../load/field-path.js';

/** ESLint's limit: fixes can enable other fixes, but never loop for ever. */
export const MAX_FIX_PASSES = 10;

export interface FixedFile {
  /** The text before any fix. */
  before: string;
  after: string;
  /** How many fixes went in, over all passes. */
  fixes: number;
  /** The fields those fixes changed (a renamed key under both names), e.g. to check nothing else moved. */
  paths: string[];
}

export interface LintFixResult {
  /** The lint of the fixed texts: what is left. */
  result: LintResult;
  /** Files whose text the fixes changed. */
  fixed: Map<string, FixedFile>;
  passes: number;
}

/**
 * Lints, applies the fixes of the chosen types that do not overlap, and lints the fixed texts again,
 * until nothing more is fixed or after `MAX_FIX_PASSES`. Nothing is written: the caller decides
 * (write the files, print a diff, or print standard input's fixed text).
 */
export async function lintAndFix(inputs: readonly string[], options: LintOptions, types: readonly FixType[]): Promise<LintFixResult> {
  const fixed = new Map<string, FixedFile>();
  const given = new Map((options.inline ?? []).map((s) => [s.file, s.text]));
  const run = () => lint(inputs, { ...options, inline: [...new Map([...given, ...[...fixed].map(([file, f]) => [file, f.after] as const)])].map(([file, text]) => ({ file, text })) });
  let result = await run();
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const byFile = fixableByFile(result.findings, types);
    let changed = false;
    for (const [file, findings] of byFile) {
      const text = fixed.get(file)?.after ?? result.texts.get(file);
      if (text === undefined) continue;
      const fixer = new FileFixer(text);
      const pending = new Map(findings.flatMap((f) => {
        const resolved = fixer.resolve(f.fix!);
        return resolved ? [[resolved, f.fix!] as const] : [];
      }));
      const { text: after, applied } = applyFixes(text, [...pending.keys()]);
      if (!applied.length || after === text) continue;
      const entry = fixed.get(file);
      const paths = applied.flatMap((fix) => pending.get(fix)!.edits.flatMap(editedPaths));
      fixed.set(file, { before: entry?.before ?? text, after, fixes: (entry?.fixes ?? 0) + applied.length, paths: [...(entry?.paths ?? []), ...paths] });
      changed = true;
    }
    if (!changed) break;
    passes++;
    result = await run();
  }
  for (const [file, entry] of fixed) if (entry.after === entry.before) fixed.delete(file);
  return { result, fixed, passes };
}

function fixableByFile(findings: readonly Finding[], types: readonly FixType[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (!finding.fix || !types.includes(finding.fix.type)) continue;
    let list = byFile.get(finding.file);
    if (!list) byFile.set(finding.file, (list = []));
    list.push(finding);
  }
  return byFile;
}

function editedPaths(edit: FixEdit): string[] {
  const path = normalizeFieldPath(edit.path);
  if (edit.op !== 'rename') return [path];
  const parent = parseFieldPath(edit.path).slice(0, -1);
  return [path, formatFieldPath([...parent, edit.to])];
}
