import path from 'node:path';
import type { LintOptions, LintResult } from '../index.js';
import { objectId } from '../k8s/object-id.js';
import type { Finding } from '../types.js';
import { objectChanges } from './changes.js';
import { changedFiles, repositoryRoot, resolveCommit } from './git.js';
import { relationsOf } from './relations.js';
import { lintRevision, repoRelative } from './revision.js';

/** The findings of a run about a change since a git ref, and how many were left out. */
export interface ChangeFindings {
  findings: Finding[];
  unchanged: number;
}

/**
 * Keeps the findings about what changed since `ref`: on objects the change added or changed, on
 * objects related (in either revision's graph) to an object that was added, changed or removed,
 * and findings on no object in changed files. `head` is the working tree's run.
 */
export async function findingsSince(ref: string, head: LintResult, inputs: readonly string[], options: LintOptions, cwd: string): Promise<ChangeFindings> {
  const root = await repositoryRoot(cwd);
  const commit = await resolveCommit(ref, root);
  const where = { root, cwd };
  const files = new Set(await changedFiles(commit, root));
  const base = await lintRevision(commit, inputs, options, where);
  const touched = new Set(objectChanges(base.objects, head.objects).map((c) => c.id));
  const affected = new Set(touched);
  for (const { relations } of [relationsOf(base.graph), relationsOf(head.graph)]) {
    for (const r of relations.values()) {
      if (touched.has(r.from)) affected.add(r.to);
      if (touched.has(r.to)) affected.add(r.from);
    }
  }
  const inChangedFile = (file: string) => {
    try {
      return files.has(repoRelative(file, where).split(path.sep).join('/'));
    } catch {
      return false; // standard input, or a file outside the repository
    }
  };
  const findings = head.findings.filter((f) => (f.object ? affected.has(objectId(f.object.kind, f.object.namespace, f.object.name)) : inChangedFile(f.file)));
  return { findings, unchanged: head.findings.length - findings.length };
}
