import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v8 } from './lazy-builtins.js';

/*
 * The `--cache` folder may sit where a pull request can plant files. So:
 * - files are created exclusively (O_EXCL) without following symlinks (O_NOFOLLOW), in a folder
 *   checked to be a real folder this user owns, then renamed into place;
 * - every file carries an HMAC made with a secret kept in the user's own cache folder: a cache
 *   file committed to a repository, or written by anyone else, fails the check and is a miss;
 * - anything unreadable (corrupt, another version, another owner) is a miss, never an error.
 */

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const MAC_BYTES = 32;

/** The user's cache folder (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows). */
export function userCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32' && env.LOCALAPPDATA) return env.LOCALAPPDATA;
  if (process.platform === 'darwin' && home) return path.join(home, 'Library', 'Caches');
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return env.XDG_CACHE_HOME;
  if (home) return path.join(home, '.cache');
  return path.join(os.tmpdir(), `kubeknit-${uid() ?? 'user'}`);
}

/** Reads one cache file; undefined for a missing, corrupt, foreign or other-version one. */
export function readCacheFile<T extends object>(file: string, stamp: string): Partial<T> | undefined {
  try {
    const bytes = readOwnFile(file);
    if (!bytes || bytes.length < MAC_BYTES) return undefined;
    const body = bytes.subarray(MAC_BYTES);
    if (!timingSafeEqual(bytes.subarray(0, MAC_BYTES), mac(body))) return undefined;
    const data = v8().deserialize(body) as Partial<T> & { stamp?: unknown };
    return data && typeof data === 'object' && data.stamp === stamp ? data : undefined;
  } catch {
    return undefined; // no cache yet, or an unreadable one: start afresh
  }
}

/**
 * Writes a cache file atomically (a crash leaves the old file or the new one) and safely (see
 * above). A folder that cannot be made ours is no cache: nothing is written and the run goes on.
 */
export function writeCacheFile(file: string, stamp: string, data: object): void {
  try {
    const dir = path.dirname(file);
    ensureOwnFolder(dir);
    const body = v8().serialize({ ...data, stamp });
    writeExclusive(dir, path.basename(file), [mac(body), body]);
  } catch {
    // the cache only saves time: a run whose cache cannot be written is still a full run
  }
}

function writeExclusive(dir: string, name: string, chunks: readonly Uint8Array[]): void {
  const temporary = path.join(dir, `.${name}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } catch (err) {
    closeSync(fd);
    unlinkSync(temporary);
    throw err;
  }
  closeSync(fd);
  renameSync(temporary, path.join(dir, name)); // replaces a planted symlink itself, not what it points to
}

/** Bytes of a regular file this user owns, opened without following a symlink. */
function readOwnFile(file: string): Buffer | undefined {
  const fd = openSync(file, constants.O_RDONLY | NOFOLLOW);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || !ownedByMe(stat.uid)) return undefined;
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes `dir` (and missing parents) with mode 0700; throws unless it ends up a real folder this user owns. */
function ensureOwnFolder(dir: string, depth = 0): void {
  let stat;
  try {
    stat = lstatSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || depth > 64) throw err;
    const parent = path.dirname(dir);
    if (parent !== dir) ensureParent(parent, depth + 1);
    mkdirSync(dir, { mode: 0o700 }); // one level at a time: recursive mkdir spins on paths like /proc/x
    stat = lstatSync(dir);
  }
  if (!stat.isDirectory() || stat.isSymbolicLink() || !ownedByMe(stat.uid)) throw new Error(`${dir} is not a folder of this user`);
}

/** Parents only need to exist as folders (they may be shared, like /tmp, or symlinks, like macOS's /tmp). */
function ensureParent(dir: string, depth: number): void {
  try {
    if (statSync(dir).isDirectory()) return;
    throw new Error(`${dir} is not a folder`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || depth > 64) throw err;
  }
  const parent = path.dirname(dir);
  if (parent !== dir) ensureParent(parent, depth + 1);
  mkdirSync(dir, { mode: 0o700 });
}

let secret: Buffer | undefined;

function mac(body: Uint8Array): Buffer {
  return createHmac('sha256', (secret ??= loadSecret())).update(body).digest();
}

/** This user's cache secret, made once; without a place to keep it, a secret for this process only (no cache hits across runs). */
function loadSecret(): Buffer {
  const dir = path.join(userCacheRoot(), 'kubeknit');
  const file = path.join(dir, 'secret');
  try {
    const existing = readOwnFile(file);
    if (existing && existing.length === 32) return existing;
  } catch {
    // none yet
  }
  const fresh = randomBytes(32);
  try {
    ensureOwnFolder(dir);
    writeExclusive(dir, 'secret', [fresh]);
  } catch {
    // read-only home: this run still works, its cache just cannot be reused
  }
  return fresh;
}

function uid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

function ownedByMe(owner: number): boolean {
  const me = uid();
  return me === undefined || owner === me;
}
