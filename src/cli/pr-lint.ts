import { readFileSync } from 'node:fs';
import { summarize, type LintOptions, type LintResult, type LintSummary } from '../index.js';
import { UsageError } from '../load/errors.js';
import { matchBaseline, parseBaseline, type BaselineEntry } from '../pr/baseline.js';
import { findingsSince } from '../pr/changed-since.js';
import type { Finding } from '../types.js';

export interface PullRequestFlags {
  baseline?: string;
  reportUnusedBaseline?: boolean;
  changedSince?: string;
}

export interface NarrowedFindings {
  findings: Finding[];
  summary: LintSummary;
  baselined?: Finding[];
  unusedBaseline?: BaselineEntry[];
}

/** `lint --changed-since` and `--baseline`: the findings left to report, and a summary of them alone. */
export async function narrowFindings(result: LintResult, flags: PullRequestFlags, run: { inputs: readonly string[]; options: LintOptions; rootDir: string }): Promise<NarrowedFindings> {
  if (flags.reportUnusedBaseline && flags.baseline === undefined) throw new UsageError('--report-unused-baseline needs --baseline <file>');
  if (flags.baseline === undefined && flags.changedSince === undefined) return { findings: result.findings, summary: result.summary };
  let findings = result.findings;
  const extra: Partial<LintSummary> = {};
  if (flags.changedSince !== undefined) {
    const since = await findingsSince(flags.changedSince, result, run.inputs, run.options, process.cwd());
    findings = since.findings;
    extra.unchanged = since.unchanged;
  }
  let baselined: Finding[] | undefined;
  let unusedBaseline: BaselineEntry[] | undefined;
  if (flags.baseline !== undefined) {
    const baseline = parseBaseline(readBaselineFile(flags.baseline), flags.baseline);
    const match = matchBaseline(findings, baseline, run.rootDir);
    findings = match.fresh;
    baselined = match.baselined;
    extra.baselined = match.baselined.length;
    // Unused entries are judged against every finding, also those --changed-since leaves out.
    if (flags.reportUnusedBaseline) unusedBaseline = flags.changedSince === undefined ? match.unused : matchBaseline(result.findings, baseline, run.rootDir).unused;
  }
  const summary = { ...summarize(result.summary.files, result.summary.objects, findings), ...extra };
  return { findings, summary, baselined, unusedBaseline };
}

function readBaselineFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--baseline ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); write one with "kubeknit baseline"`);
  }
}
