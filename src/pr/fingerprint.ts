import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Finding } from '../types.js';

/** What a fingerprint is made of, kept readable in the baseline file. */
export interface FingerprintParts {
  ruleId: string;
  /** `Kind/namespace/name` (`Kind//name` for cluster-scoped kinds), or `file:<path>` for findings on no object. */
  object: string;
  /** The field path the rule reported, `""` when none. */
  path: string;
  /** The message with its numbers masked (`#`), so a line number or count in it does not matter. */
  message: string;
}

/**
 * The parts of a finding that stay put while the file around it changes: no line or column, and
 * no file name for findings on an object (an object moved to another file is the same object).
 */
export function fingerprintParts(finding: Finding, rootDir: string): FingerprintParts {
  const object = finding.object
    ? `${finding.object.kind}/${finding.object.namespace ?? ''}/${finding.object.name}`
    : `file:${rootRelative(finding.file, rootDir)}`;
  return { ruleId: finding.ruleId, object, path: finding.path ?? '', message: normalizeMessage(finding.message) };
}

/** A finding's fingerprint: 32 hex digits of SHA-256 over its stable parts. */
export function findingFingerprint(finding: Finding, rootDir: string): string {
  return fingerprintOf(fingerprintParts(finding, rootDir));
}

export function fingerprintOf(parts: FingerprintParts): string {
  const text = [parts.ruleId, parts.object, parts.path, parts.message].join('\u0000');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** Masks digit runs (line references, counts, ports) and collapses whitespace. */
export function normalizeMessage(message: string): string {
  return message.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** A path relative to the repository root, with `/` separators on every platform. */
export function rootRelative(file: string, rootDir: string): string {
  const relative = path.isAbsolute(file) ? path.relative(rootDir, file) : path.relative(rootDir, path.resolve(file));
  return relative.split(path.sep).join('/');
}
