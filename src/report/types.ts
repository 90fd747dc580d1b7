import type { Rule } from '../engine/rule.js';
import type { LintResult } from '../index.js';
import type { Finding, K8sObject } from '../types.js';

/** What a report is made of: the findings and summary, and for some formats the run's files, objects and rules. */
export interface ReportInput extends Pick<LintResult, 'findings' | 'summary'> {
  files?: readonly string[];
  objects?: readonly K8sObject[];
  /** Rules to describe (SARIF): the run's rules (`LintResult.rules`); rules of findings not listed are described by id only. */
  rules?: readonly Rule[];
  /** The files' texts, for SARIF `fixes`. */
  texts?: ReadonlyMap<string, string>;
  /** With a baseline: the findings it held (SARIF lists them as `baselineState: "unchanged"`). */
  baselined?: readonly Finding[];
  /** With `--report-unused-baseline`: baseline entries no finding matches any more. */
  unusedBaseline?: ReadonlyArray<{ ruleId: string; object: string; path: string; message: string; count: number; fingerprint: string }>;
}

export interface ReportOptions {
  color: boolean;
  /** SARIF and GitHub paths are relative to this folder (the repository root); default: `cwd`. */
  rootDir?: string;
  /** The folder the findings' file names are relative to; default: the current directory. */
  cwd?: string;
  /** kubeknit's version, for SARIF. */
  toolVersion?: string;
}

export type Reporter = (result: ReportInput, options: ReportOptions) => string;
