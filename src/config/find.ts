import { existsSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_FILE_NAMES = ['.kubeknit.yaml', '.kubeknit.yml', '.kubeknit.json'];

/** Whether a discovered file is a kubeknit config file (never linted as a manifest). */
export function isConfigFile(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(file));
}

/**
 * The config file that applies in a folder: the first `.kubeknit.{yaml,yml,json}` found from the
 * folder upwards, stopping at the repository root (the folder that holds `.git`); outside a
 * repository, only in the folder itself.
 */
export function findConfigFile(startDir: string): string | undefined {
  const folders = foldersUpToRepoRoot(startDir);
  // Outside a repository only the starting folder counts: a config planted in /tmp or /home must not apply to others' runs.
  const searched = existsSync(path.join(folders[folders.length - 1], '.git')) ? folders : folders.slice(0, 1);
  for (const dir of searched) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The repository root above a folder (the folder holding `.git`), or undefined outside a repository. */
export function findRepoRoot(startDir: string): string | undefined {
  const folders = foldersUpToRepoRoot(startDir);
  const last = folders[folders.length - 1];
  return existsSync(path.join(last, '.git')) ? last : undefined;
}

function foldersUpToRepoRoot(startDir: string): string[] {
  const folders: string[] = [];
  let dir = path.resolve(startDir);
  for (;;) {
    folders.push(dir);
    if (existsSync(path.join(dir, '.git'))) return folders;
    const parent = path.dirname(dir);
    if (parent === dir) return folders;
    dir = parent;
  }
}
