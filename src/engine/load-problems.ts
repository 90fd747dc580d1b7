import type { LoadProblemKind } from '../load/problems.js';
import type { RuleContext } from './rule.js';

/** The check of a parse rule: turns the loader's problems of the kinds it names into findings, in load order. */
export function reportLoadProblems(...kinds: LoadProblemKind[]) {
  return (context: RuleContext): void => {
    for (const problem of context.problems) {
      if (!kinds.includes(problem.kind)) continue;
      context.reportAt({ file: problem.file, range: problem.range, object: problem.object ?? null }, problem.message,
        undefined, problem.severity ? { severity: problem.severity } : undefined);
    }
  };
}
