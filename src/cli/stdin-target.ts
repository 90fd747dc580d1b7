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
  if (positionals.length) return { inputs: [...positionals], file: toSlashes(path.relative(cwd, absolute) || stdinFilename) };
  const root = findConfigDir(path.dirname(absolute)) ?? cwd;
  const input = toSlashes(path.relative(cwd, root)) || '.';
  // Walking `..` yields `../apps/svc.yaml`, so name the file the same way.
  return { inputs: [input], file: toSlashes(path.join(input, path.relative(root, absolute))) };
}

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}
