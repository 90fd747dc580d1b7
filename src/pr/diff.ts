import type { LintResult } from '../index.js';
import type { Finding } from '../types.js';
import { objectChanges, type ObjectChange } from './changes.js';
import { findingFingerprint } from './fingerprint.js';
import { immutableChanges, type ImmutableChange } from './immutable.js';
import { changedNeighbourhood, relationChanges, relationsOf, type Neighbourhood, type RelationChange } from './relations.js';

/** One side of a diff: the ref the user named and the commit (null: the working tree). */
export interface RevisionName {
  ref: string;
  commit: string | null;
}

export interface RevisionDiff {
  base: RevisionName;
  head: RevisionName;
  objects: ObjectChange[];
  relations: RelationChange[];
  immutable: ImmutableChange[];
  findings: { new: Finding[]; fixed: Finding[] };
  neighbourhood: Neighbourhood;
}

/** What changed from one revision's lint run to another's: objects, relations, findings, and changes apply cannot make. */
export function diffRevisions(base: LintResult, head: LintResult, names: { base: RevisionName; head: RevisionName; rootDir: string }): RevisionDiff {
  const objects = objectChanges(base.objects, head.objects);
  const baseRelations = relationsOf(base.graph);
  const headRelations = relationsOf(head.graph);
  const relations = relationChanges(baseRelations, headRelations, objects);
  return {
    base: names.base,
    head: names.head,
    objects,
    relations,
    immutable: immutableChanges(objects),
    findings: { new: findingsOnlyIn(head.findings, base.findings, names.rootDir), fixed: findingsOnlyIn(base.findings, head.findings, names.rootDir) },
    neighbourhood: changedNeighbourhood(baseRelations, headRelations, objects, relations),
  };
}

/** Findings of `these` that `others` lacks, matched by fingerprint (each match used once). */
export function findingsOnlyIn(these: readonly Finding[], others: readonly Finding[], rootDir: string): Finding[] {
  const left = new Map<string, number>();
  for (const f of others) {
    const print = findingFingerprint(f, rootDir);
    left.set(print, (left.get(print) ?? 0) + 1);
  }
  return these.filter((f) => {
    const print = findingFingerprint(f, rootDir);
    const n = left.get(print) ?? 0;
    if (n > 0) left.set(print, n - 1);
    return n === 0;
  });
}

/** Exit status: 1 when a change cannot be applied in place or the head brings new error findings. */
export function diffFails(diff: RevisionDiff): boolean {
  return diff.immutable.length > 0 || diff.findings.new.some((f) => f.severity === 'error');
}
