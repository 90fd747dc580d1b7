import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from './errors.js';
import { FILE_START, type LoadProblem } from './problems.js';
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
  /** What a directory walk could not read (a dangling symlink, a FIFO, a folder it may not list): never skipped silently. */
  problems: LoadProblem[];
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
  const problems: LoadProblem[] = [];
  for (const input of inputs) {
    if (input === STDIN_INPUT) continue;
    const stats = statOrUndefined(input);
    if (stats?.isFile()) {
      found.add(toDisplay(input));
      named.add(toDisplay(input));
    } else if (stats?.isDirectory()) {
      const before = found.size;
      const unreadable = readdirError(input);
      if (unreadable) throw new UsageError(`cannot read directory ${input} (${unreadable})`);
      walk(input, new Set(), (file) => {
        if (walked.note(file)) found.add(file);
      }, (problem) => problems.push(problem));
      if (found.size === before && !problems.length) throw new UsageError(`no manifest files (${MANIFEST_EXTENSIONS.join(', ')}) in directory ${input}`);
    } else if (stats) {
      throw new UsageError(`not a regular file or directory (${fileTypeName(stats)}): ${input}; kubeknit reads only regular files`);
    } else if (lstatOrUndefined(input)?.isSymbolicLink()) {
      throw new UsageError(`${unresolvedLink(input) ?? 'cannot be read'}: ${input}`);
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
  return { files, named, problems: problems.filter((p) => !isIgnored(p.file) && !exclude(p.file)) };
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

/**
 * Depth-first walk that follows symlinks but visits each real directory once (no loops). Entries
 * are lstat-ed first, so a FIFO is never opened (that would block). What cannot be read goes to
 * `onProblem`: a folder it may not list, and, among names a manifest could have, a dangling or
 * looping symlink and anything that is not a regular file.
 */
function walk(dir: string, seen: Set<string>, onFile: (file: string) => void, onProblem: (problem: LoadProblem) => void = () => {}): void {
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
  } catch (err) {
    // The files we can read still count; the folder we cannot is a finding.
    onProblem(walkProblem(toDisplay(dir), `cannot read folder (${errorCode(err)}), so the manifests in it, if any, were not linted`));
    return;
  }
  for (const entry of entries.sort()) {
    if (SKIPPED_DIRECTORIES.has(entry) || NON_MANIFEST_DIRECTORIES.has(entry)) continue;
    const full = toDisplay(path.join(dir, entry));
    const stats = statOrUndefined(full);
    if (stats?.isDirectory()) walk(full, seen, onFile, onProblem);
    else if (stats?.isFile()) onFile(full);
    else if (MANIFEST_EXTENSIONS.includes(path.extname(entry).toLowerCase())) {
      const why = stats ? `not a regular file (${fileTypeName(stats)}), so it was not read; kubeknit reads only regular files` : `${unresolvedLink(full) ?? 'cannot be read'}, so nothing was linted here`;
      onProblem(walkProblem(full, why));
    }
  }
}

function walkProblem(file: string, message: string): LoadProblem {
  return { kind: 'unreadable', file, range: FILE_START, message };
}

/** Why a path that does not stat is unresolved: a dangling symlink or a loop; undefined when there is nothing at all. */
function unresolvedLink(file: string): string | undefined {
  if (!lstatOrUndefined(file)?.isSymbolicLink()) return undefined;
  try {
    statSync(file);
    return undefined;
  } catch (err) {
    if (errorCode(err) === 'ELOOP') return 'symlink loop (ELOOP): the link never resolves to a file';
    let target = '?';
    try {
      target = readlinkSync(file);
    } catch {
      // keep '?'
    }
    return `dangling symlink: its target ${JSON.stringify(target)} does not exist`;
  }
}

function readdirError(dir: string): string | undefined {
  try {
    readdirSync(dir);
    return undefined;
  } catch (err) {
    return errorCode(err);
  }
}

function fileTypeName(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a file';
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
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
