import { existsSync } from 'node:fs';
import path from 'node:path';
import { lint, type LintOptions, type LintResult } from '../index.js';
import { UsageError } from '../load/errors.js';
import type { Finding } from '../types.js';
import { withRevision } from './git.js';

/** Where a run stands: the repository root and the folder the user's paths are relative to. */
export interface Workspace {
  root: string;
  cwd: string;
}

/**
 * Lints the user's paths as they were at a commit (checked out in a temporary folder), with
 * findings' files named as they would be in the working tree, so both revisions compare.
 * Paths the commit does not have are left out; with none left, the revision is empty.
 */
export async function lintRevision(commit: string, inputs: readonly string[], options: LintOptions, where: Workspace): Promise<LintResult> {
  return withRevision(commit, where.root, async (folder) => {
    const mapped = inputs.map((input) => path.join(folder, repoRelative(input, where)));
    const present = mapped.filter((p) => existsSync(p) || /[*?[{]/.test(p));
    const result = await lint(present.length ? present : [], { ...options, inline: undefined, reportFiles: undefined });
    const rename = (file: string) => path.relative(where.cwd, path.join(where.root, path.relative(folder, path.resolve(file))));
    return { ...result, findings: result.findings.map((f) => renameFinding(f, rename)), files: result.files.map(rename) };
  });
}

/** A path of the working tree relative to the repository root; paths outside it are a usage error. */
export function repoRelative(input: string, where: Workspace): string {
  const relative = path.relative(where.root, path.resolve(where.cwd, input));
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UsageError(`${input} is outside the git repository ${where.root}`);
  return relative;
}

function renameFinding(f: Finding, rename: (file: string) => string): Finding {
  return { ...f, file: rename(f.file), related: f.related?.map((r) => ({ ...r, file: rename(r.file) })) };
}
