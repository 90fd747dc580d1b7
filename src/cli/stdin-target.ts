import path from 'node:path';
import { findConfigDir } from '../lsp/workspace-config.js';

/** What `lint --stdin --stdin-filename <file>` lints: the workspace on disk, with the text standing in for one file. */
export interface StdinTarget {
  /** Inputs to lint: the given paths, or the workspace folder (the config's folder, else the current one). */
  inputs: string[];
  /** The stdin file as the loader names it when walking those inputs, so the text replaces the file on disk. */
  file: string;
}

export function stdinTarget(stdinFilename: string, positionals: readonly string[], cwd = process.cwd()): StdinTarget {
  const absolute = path.resolve(cwd, stdinFilename);
  const file = (path.relative(cwd, absolute) || stdinFilename).split(path.sep).join('/');
  if (positionals.length) return { inputs: [...positionals], file };
  const root = findConfigDir(path.dirname(absolute)) ?? cwd;
  return { inputs: [path.relative(cwd, root).split(path.sep).join('/') || '.'], file };
}
