import { readFileSync, statSync } from 'node:fs';
import { FILE_START, type LoadProblem } from './problems.js';

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: LoadProblem };

/** Reads a manifest file as text, turning every way it can fail into a problem. */
export function readManifestFile(file: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  try {
    const size = statSync(file).size;
    if (size > maxFileSize) {
      return { problem: { kind: 'too-large', file, range: FILE_START, message: `file is ${formatBytes(size)}, above the ${formatBytes(maxFileSize)} limit; raise --max-file-size to lint it` } };
    }
    return decodeManifest(file, readFileSync(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: { kind: 'unreadable', file, range: FILE_START, message: `cannot read file${code ? ` (${code})` : ''}: ${(err as Error).message.split('\n')[0]}` } };
  }
}

/** Decodes bytes as UTF-8 (or UTF-16 with a byte-order mark); binary or invalid text is a problem. */
export function decodeManifest(file: string, bytes: Uint8Array): ReadResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { problem: { kind: 'binary', file, range: FILE_START, message: 'binary file (it contains NUL bytes), not a YAML or JSON manifest' } };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const line = lineOfInvalidUtf8(bytes);
    return { problem: { kind: 'not-utf8', file, range: { start: { line, column: 1 }, end: { line, column: 1 } }, message: `file is not valid UTF-8 (first bad byte on line ${line}); save it as UTF-8` } };
  }
}

function lineOfInvalidUtf8(bytes: Uint8Array): number {
  let line = 1;
  let lineStart = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(lineStart, i));
    } catch {
      return line;
    }
    line++;
    lineStart = i + 1;
  }
  return line;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} kB`;
}
