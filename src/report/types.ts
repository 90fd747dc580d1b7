import type { LintResult } from '../index.js';

export interface ReportOptions {
  color: boolean;
}

export type Reporter = (result: Pick<LintResult, 'findings' | 'summary'>, options: ReportOptions) => string;
