import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../load/errors.js';

/** Runs git with arguments (no shell) in a folder; resolves to its standard output. */
export function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, stderr.trim() || err.message));
      else resolve(stdout);
    });
  });
}

export class GitError extends Error {
  override name = 'GitError';
  constructor(readonly args: readonly string[], readonly detail: string) {
    super(`git ${args.join(' ')}: ${detail}`);
  }
}

/** The repository's top folder; outside a git repository (or without git) a usage error. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).trim();
  } catch (err) {
    const detail = err instanceof GitError ? err.detail.split('\n')[0] : String(err);
    throw new UsageError(`${cwd} is not in a git repository (${detail}); --changed-since and diff compare git revisions`);
  }
}

/** The commit a ref names; an unknown ref is a usage error. */
export async function resolveCommit(ref: string, root: string): Promise<string> {
  if (ref.startsWith('-')) throw new UsageError(`"${ref}" is not a git revision`);
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root)).trim();
  } catch {
    throw new UsageError(`unknown git revision "${ref}" (try a branch, a tag or a commit, e.g. origin/main; in CI fetch it first)`);
  }
}

/** Files (repository-relative, `/`-separated) that differ between a commit and the working tree, untracked ones included. */
export async function changedFiles(commit: string, root: string): Promise<string[]> {
  const tracked = await git(['diff', '--name-only', '-z', '--no-renames', commit, '--'], root);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  return [...new Set([...tracked.split('\0'), ...untracked.split('\0')].filter(Boolean))].sort();
}

/** A commit's files checked out in a temporary folder (a detached worktree), for `use`; removed afterwards. */
export async function withRevision<T>(commit: string, root: string, use: (folder: string) => Promise<T>): Promise<T> {
  const parent = mkdtempSync(path.join(tmpdir(), 'kubeknit-rev-'));
  const folder = path.join(parent, 'tree');
  // A worktree leaves the user's checkout, index and branch alone; no post-checkout hook runs for it.
  await git(['-c', `core.hooksPath=${os.devNull}`, 'worktree', 'add', '--detach', '--quiet', folder, commit], root);
  try {
    return await use(folder);
  } finally {
    await git(['worktree', 'remove', '--force', folder], root).catch(() => undefined);
    rmSync(parent, { recursive: true, force: true });
    await git(['worktree', 'prune'], root).catch(() => undefined);
  }
}
