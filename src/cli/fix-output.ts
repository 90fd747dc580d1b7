import { closeSync, constants, fchmodSync, lstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { FIX_TYPES, type FixType } from '../fix/types.js';
import type { FixedFile } from '../fix/lint-fix.js';
import { UsageError } from '../load/errors.js';

/** `--fix-type problem,suggestion` → the types; default: problems only (suggestions need a person's review). */
export function parseFixTypes(values: readonly string[] | undefined): FixType[] {
  if (!values?.length) return ['problem'];
  const types = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  for (const type of types) {
    if (!(FIX_TYPES as readonly string[]).includes(type)) throw new UsageError(`--fix-type ${type}: choose problem or suggestion (comma-separated or repeated)`);
  }
  return [...new Set(types)] as FixType[];
}

/** A unified diff of every fixed file, as `--fix-dry-run` prints it. */
export function fixDiff(fixed: ReadonlyMap<string, FixedFile>, displayPath: (file: string) => string): string {
  let out = '';
  for (const [file, { before, after }] of [...fixed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const name = displayPath(file);
    out += createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
  }
  return out;
}

/**
 * Writes a fixed file in place without following a symlink: the new text goes to a file created
 * exclusively beside it, which then replaces it. A byte-order mark the file had stays.
 * Returns why it was not written, if it was not.
 */
export function writeFixedFile(file: string, text: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (err) {
    return `cannot read ${file}: ${(err as Error).message}`;
  }
  if (stat.isSymbolicLink()) return `${file} is a symbolic link; kubeknit does not write through links`;
  if (!stat.isFile()) return `${file} is not a regular file`;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.kubeknit-fix-${process.pid}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    writeSync(fd, hasByteOrderMark(file) && text.charCodeAt(0) !== 0xfeff ? `\uFEFF${text}` : text);
    fchmodSync(fd, stat.mode & 0o7777);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
    return undefined;
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    return `cannot write ${file}: ${(err as Error).message}`;
  }
}

/** Whether the file on disk starts with a UTF-8 byte-order mark (the loader reads text without it). */
function hasByteOrderMark(file: string): boolean {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}
