import type { ObjectRef, Range, Severity } from '../types.js';

/** Rule ids of what the loader finds wrong with the input itself. */
export type LoadProblemRule = 'invalid-yaml' | 'invalid-object' | 'file-too-large' | 'unrendered-template' | 'kustomization-skipped' | 'kustomize-build-failed';

/** Bad input is data, not an exception: the loader returns these and goes on. */
export interface LoadProblem {
  ruleId: LoadProblemRule;
  file: string;
  range: Range;
  message: string;
  object?: ObjectRef;
  /** Overrides the rule's default severity (e.g. a duplicate key is an error, an info stays info). */
  severity?: Severity;
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
