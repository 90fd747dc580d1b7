import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './errors.js';
import { isChartFile, isKustomizationFile, isWellKnownNonManifest, kustomizePatchFiles, NON_MANIFEST_DIRECTORIES } from './non-manifest.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface DiscoverOptions {
  /** Globs of files to leave out (matched against the path as displayed). */
  ignore?: readonly string[];
  /** Leaves out more files (e.g. a config file's `ignore`, whose globs are relative to its folder). */
  exclude?: (file: string) => boolean;
}

/** `-` in the input list stands for standard input. */
export const STDIN_INPUT = '-';

/** What the inputs name: the files, and those of them named one by one (not found by a walk or glob). */
export interface DiscoveredInputs {
  files: string[];
  named: Set<string>;
}

/**
 * Turns the user's inputs (files, directories, globs, `-`) into a sorted list of file paths,
 * displayed as the user gave them. A path that exists nowhere, or a directory or glob with no
 * manifest in it, is a UsageError.
 */
export function discoverFiles(inputs: readonly string[], options: DiscoverOptions = {}): string[] {
  return discoverInputs(inputs, options).files;
}

/** `discoverFiles`, telling the files named explicitly apart (those stay read even when they look like no manifest). */
export function discoverInputs(inputs: readonly string[], options: DiscoverOptions = {}): DiscoveredInputs {
  const isIgnored = options.ignore?.length ? picomatch([...options.ignore], { dot: true }) : () => false;
  const found = new Set<string>();
  const named = new Set<string>();
  const walked = new WalkFindings();
  for (const input of inputs) {
    if (input === STDIN_INPUT) continue;
    const stats = statOrUndefined(input);
    if (stats?.isFile()) {
      found.add(toDisplay(input));
      named.add(toDisplay(input));
    } else if (stats?.isDirectory()) {
      const before = found.size;
      walk(input, new Set(), (file) => {
        if (walked.note(file)) found.add(file);
      });
      if (found.size === before) throw new UsageError(`no manifest files (${MANIFEST_EXTENSIONS.join(', ')}) in directory ${input}`);
    } else if (picomatch.scan(input).isGlob) {
      const matches = expandGlob(input);
      if (!matches.length) throw new UsageError(`no file matches ${input}`);
      for (const file of matches) {
        walked.note(file);
        found.add(file);
      }
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
  }
  const exclude = options.exclude ?? (() => false);
  const files = [...found].filter((file) => named.has(file) || !walked.isNonManifest(file)).filter((file) => !isIgnored(file) && !exclude(file)).sort(comparePaths);
  return { files, named };
}

/** What a walk learns about a repository's layout: Helm chart roots and kustomize patch files. */
class WalkFindings {
  private readonly chartRoots = new Set<string>();
  private readonly patches = new Set<string>();

  /** Records a file seen by a walk or glob; whether it is a manifest candidate (by extension). */
  note(file: string): boolean {
    const name = path.posix.basename(file);
    if (isChartFile(name)) this.chartRoots.add(path.posix.dirname(file));
    if (isKustomizationFile(name)) for (const patch of kustomizePatchFiles(file)) this.patches.add(patch);
    return MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase());
  }

  isNonManifest(file: string): boolean {
    return this.patches.has(path.posix.normalize(file)) || isWellKnownNonManifest(file, this.chartRoots);
  }
}

function expandGlob(pattern: string): string[] {
  const { base } = picomatch.scan(pattern);
  const root = base || '.';
  const matches = picomatch(toDisplay(pattern), { dot: false });
  const out: string[] = [];
  if (!statOrUndefined(root)?.isDirectory()) return out;
  walk(root, new Set(), (file) => {
    const display = root === '.' && !pattern.startsWith('./') ? file.replace(/^\.\//, '') : file;
    if (matches(display)) out.push(display);
  });
  return out;
}

/** Depth-first walk that follows symlinks but visits each real directory once (no loops). */
function walk(dir: string, seen: Set<string>, onFile: (file: string) => void): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return; // unreadable directory: the files we can read still count
  }
  for (const entry of entries.sort()) {
    if (SKIPPED_DIRECTORIES.has(entry) || NON_MANIFEST_DIRECTORIES.has(entry)) continue;
    const full = toDisplay(path.join(dir, entry));
    const stats = statOrUndefined(full);
    if (stats?.isDirectory()) walk(full, seen, onFile);
    else if (stats?.isFile()) onFile(full);
  }
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function toDisplay(file: string): string {
  return file.split(path.sep).join('/');
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
