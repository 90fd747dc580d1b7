import type { ObjectRef, Range, Severity } from '../types.js';

/**
 * What the loader finds wrong with the input itself. The loader knows no rules: each parse rule
 * names the kinds it reports (see `loadProblemRule`).
 */
export type LoadProblemKind =
  | 'unreadable' // the file cannot be read
  | 'binary' // it holds NUL bytes
  | 'not-utf8'
  | 'too-large' // above --max-file-size, not read
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'unexpandable' // aliases that cannot be expanded (e.g. too many)
  | 'too-deep' // nests deeper than MAX_NESTING_DEPTH
  | 'not-a-mapping' // a document or List item that is no object
  | 'missing-fields' // apiVersion, kind or metadata.name missing
  | 'name-not-string' // metadata.name decoded to a boolean, number, list or mapping
  | 'helm-template' // an unrendered Go template
  | 'kustomization' // a kustomization file, not manifests
  | 'kustomize-failed'; // `kustomize build` of a kustomization failed

/** Bad input is data, not an exception: the loader returns these and goes on. */
export interface LoadProblem {
  kind: LoadProblemKind;
  file: string;
  range: Range;
  message: string;
  object?: ObjectRef;
  /** Overrides the rule's default severity (e.g. a duplicate key is an error, an info stays info). */
  severity?: Severity;
  /** The document is no Kubernetes object at all (neither apiVersion nor kind, or not a mapping): dropped for files a directory walk found. */
  notAManifest?: boolean;
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
