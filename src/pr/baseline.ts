import path from 'node:path';
import { UsageError } from '../load/errors.js';
import type { Finding } from '../types.js';
import { fingerprintOf, fingerprintParts, type FingerprintParts } from './fingerprint.js';

/** The file `kubeknit baseline` writes by default; lint runs never read it as a manifest. */
export const DEFAULT_BASELINE_FILE = '.kubeknit-baseline.json';

export function isBaselineFile(file: string): boolean {
  return path.basename(file) === DEFAULT_BASELINE_FILE;
}

/** The baseline file's format version; a reader refuses versions it does not know. */
export const BASELINE_VERSION = 1;

export interface BaselineEntry extends FingerprintParts {
  fingerprint: string;
  /** How many findings share this fingerprint (the same defect in two containers of one field path, say). */
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** Today's findings as a baseline: one entry per fingerprint, sorted so the file diffs well. */
export function createBaseline(findings: readonly Finding[], rootDir: string): Baseline {
  const byPrint = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const parts = fingerprintParts(finding, rootDir);
    const fingerprint = fingerprintOf(parts);
    const entry = byPrint.get(fingerprint);
    if (entry) entry.count++;
    else byPrint.set(fingerprint, { fingerprint, ...parts, count: 1 });
  }
  return { version: BASELINE_VERSION, entries: [...byPrint.values()].sort(compareEntries) };
}

/** The file's text: one entry per line, so a review shows each added or removed entry as one line. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.entries.map((e) => `    ${JSON.stringify({ ruleId: e.ruleId, object: e.object, path: e.path, message: e.message, count: e.count, fingerprint: e.fingerprint })}`);
  return `{\n  "version": ${baseline.version},\n  "tool": "kubeknit",\n  "entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** Reads a baseline file's text; a malformed file or an unknown version is a usage error. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--baseline ${file}: not JSON (${(err as Error).message})`);
  }
  if (!isRecord(data) || data.version !== BASELINE_VERSION || !Array.isArray(data.entries)) {
    const version = isRecord(data) ? JSON.stringify(data.version) : 'none';
    throw new UsageError(`--baseline ${file}: not a kubeknit baseline of version ${BASELINE_VERSION} (version ${version}); write one with "kubeknit baseline"`);
  }
  const entries = data.entries.map((raw, i) => readEntry(raw, `${file}: entries[${i}]`));
  return { version: BASELINE_VERSION, entries };
}

export interface BaselineMatch {
  /** Findings the baseline does not hold: these are reported. */
  fresh: Finding[];
  /** Findings the baseline holds. */
  baselined: Finding[];
  /** Entries (or the part of their count) no finding matched any more: debt paid. */
  unused: BaselineEntry[];
}

/** Splits findings into new and baselined; each entry absorbs up to `count` findings. */
export function matchBaseline(findings: readonly Finding[], baseline: Baseline, rootDir: string): BaselineMatch {
  const left = new Map<string, number>();
  for (const e of baseline.entries) left.set(e.fingerprint, (left.get(e.fingerprint) ?? 0) + e.count);
  const fresh: Finding[] = [];
  const baselined: Finding[] = [];
  for (const finding of findings) {
    const print = fingerprintOf(fingerprintParts(finding, rootDir));
    const n = left.get(print) ?? 0;
    if (n > 0) {
      left.set(print, n - 1);
      baselined.push(finding);
    } else {
      fresh.push(finding);
    }
  }
  const unused: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    const n = left.get(e.fingerprint) ?? 0;
    if (n <= 0) continue;
    const count = Math.min(n, e.count);
    unused.push({ ...e, count });
    left.set(e.fingerprint, n - count);
  }
  return { fresh, baselined, unused };
}

function readEntry(raw: unknown, where: string): BaselineEntry {
  if (!isRecord(raw)) throw new UsageError(`${where}: not an object`);
  const text = (key: string): string => {
    const value = raw[key];
    if (typeof value !== 'string') throw new UsageError(`${where}: "${key}" must be a string`);
    return value;
  };
  const parts = { ruleId: text('ruleId'), object: text('object'), path: text('path'), message: text('message') };
  const count = raw.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new UsageError(`${where}: "count" must be a whole number of at least 1`);
  // The fingerprint is recomputed from the parts, so a hand-edited entry still matches what it says.
  return { fingerprint: fingerprintOf(parts), ...parts, count };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.ruleId, b.ruleId) || cmp(a.object, b.object) || cmp(a.path, b.path) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
