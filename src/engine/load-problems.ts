import type { LoadProblemKind } from '../load/problems.js';
import type { RuleContext } from './rule.js';

/**
 * The message id of each kind of load problem. The loader words the problem (it holds the parser's
 * or kustomize's own error text), so each template takes that text as `{{problem}}`; the id is what
 * tools and tests match on.
 */
export const LOAD_PROBLEM_IDS: Readonly<Record<LoadProblemKind, string>> = {
  'unreadable': 'unreadable',
  'binary': 'binaryFile',
  'not-utf8': 'notUtf8',
  'too-large': 'tooLarge',
  'yaml-syntax': 'yamlSyntax',
  'duplicate-key': 'duplicateKey',
  'unexpandable': 'unexpandable',
  'too-deep': 'tooDeep',
  'not-a-mapping': 'notAMapping',
  'missing-fields': 'missingFields',
  'name-not-string': 'nameNotString',
  'helm-template': 'helmTemplate',
  'kustomization': 'kustomizationSkipped',
  'kustomize-failed': 'kustomizeFailed',
};

/** The message table of a parse rule that reports these kinds of load problem: spread it into the rule's `messages`. */
export function loadProblemMessages(...kinds: LoadProblemKind[]): Record<string, string> {
  return Object.fromEntries(kinds.map((kind) => [LOAD_PROBLEM_IDS[kind], '{{problem}}']));
}

/** A parse rule's `messages` and `check` for the kinds of load problem it reports: spread into `defineRule({...})`. */
export function loadProblemRule(...kinds: LoadProblemKind[]): { messages: Record<string, string>; check: (context: RuleContext) => void } {
  return { messages: loadProblemMessages(...kinds), check: reportLoadProblems(...kinds) };
}

/** The check of a parse rule: turns the loader's problems of the kinds it names into findings, in load order. */
export function reportLoadProblems(...kinds: LoadProblemKind[]) {
  return (context: RuleContext): void => {
    for (const problem of context.problems) {
      if (!kinds.includes(problem.kind)) continue;
      context.reportAt({ file: problem.file, range: problem.range, object: problem.object ?? null }, LOAD_PROBLEM_IDS[problem.kind],
        { problem: problem.message }, problem.severity ? { severity: problem.severity } : undefined);
    }
  };
}
