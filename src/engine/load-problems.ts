import type { LoadProblemRule } from '../load/problems.js';
import type { RuleContext } from './rule.js';

/** The check of a parse rule: turns the loader's problems of that rule id into findings. */
export function reportLoadProblems(ruleId: LoadProblemRule) {
  return (context: RuleContext): void => {
    for (const problem of context.problems) {
      if (problem.ruleId !== ruleId) continue;
      context.reportAt({ file: problem.file, range: problem.range, object: problem.object ?? null }, problem.message,
        undefined, problem.severity ? { severity: problem.severity } : undefined);
    }
  };
}
