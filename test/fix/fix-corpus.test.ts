import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { lintAndFix } from '../../src/fix/lint-fix.js';
import { parseFieldPath } from '../../src/load/field-path.js';
import { SHARED_DIR } from '../helpers/shared.js';

const EXAMPLES = path.join(SHARED_DIR, 'corpora/k8s-website-examples/content/en/examples');
const present = existsSync(EXAMPLES);
if (!present) console.warn(`skipping the --fix corpus test: ${EXAMPLES} is absent (../shared is not beside the checkout)`);

/** The documents' data with the fixed fields taken out: what must be equal before and after. */
function withoutFixedFields(text: string, paths: readonly string[]): unknown[] {
  return parseAllDocuments(text).map((doc) => {
    const data = doc.toJS() as unknown;
    for (const p of paths) {
      const segments = parseFieldPath(p);
      deletePath(data, segments);
      deletePath(data, ['items', '*', ...segments]);
    }
    return data;
  });
}

/** Deletes the field at a path, and the mappings a fix created to hold it (left empty without it). */
function deletePath(data: unknown, segments: Array<string | number>): void {
  if (data === null || typeof data !== 'object' || !segments.length) return;
  const [head, ...rest] = segments;
  const record = data as Record<string, unknown>;
  if (head === '*' && Array.isArray(data)) {
    for (const item of data) deletePath(item, rest);
    return;
  }
  const key = String(head);
  if (!Object.hasOwn(record, key)) return;
  if (rest.length) deletePath(record[key], rest);
  const value = record[key];
  const emptyMap = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
  if (!rest.length || emptyMap) delete record[key];
}

describe.skipIf(!present)('--fix on the Kubernetes website examples (as 1.35)', () => {
  it('fixes every removed API, leaves fewer findings, and changes only the fixed fields', async () => {
    const options = { kubernetesVersion: '1.35', preset: 'all' as const };
    const before = await lint([EXAMPLES], options);
    const removedBefore = before.findings.filter((f) => f.ruleId === 'removed-api');
    expect(removedBefore.length).toBeGreaterThan(0);
    const { result, fixed } = await lintAndFix([EXAMPLES], options, ['problem', 'suggestion']);
    // Every removed API with a replacement is moved; what is left has none (PodSecurityPolicy).
    const left = result.findings.filter((f) => f.ruleId === 'removed-api');
    expect(left.filter((f) => f.fix)).toEqual([]);
    expect(left.map((f) => f.object?.kind)).toEqual(left.map(() => 'PodSecurityPolicy'));
    expect(removedBefore.filter((f) => f.fix).length).toBeGreaterThan(left.length);
    expect(result.findings.length).toBeLessThan(before.findings.length);
    expect(fixed.size).toBeGreaterThan(10);
    for (const [file, entry] of fixed) {
      // Every fixed file still parses, with as many documents, and differs only in the fixed fields.
      expect(parseAllDocuments(entry.after).every((d) => d.errors.length === 0), file).toBe(true);
      expect(withoutFixedFields(entry.after, entry.paths), file).toEqual(withoutFixedFields(entry.before, entry.paths));
      // A fix adds a handful of lines at most (an Ingress backend reshape is the largest); nothing is rewritten wholesale.
      const changedLines = entry.after.split('\n').length - entry.before.split('\n').length;
      expect(changedLines, file).toBeLessThanOrEqual(entry.fixes * 8);
    }
  }, 180_000);
});
