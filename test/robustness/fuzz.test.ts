import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { parseStream } from '../../src/load/index.js';
import { decodeManifest } from '../../src/load/read.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * Property-based tests: no input makes the loader or the pipeline throw, and every finding points
 * at a line that exists. CI runs a bounded number of cases; `npm run fuzz` runs many more
 * (FUZZ_RUNS, default 20000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEEDS = ['web.yaml', 'database.yaml', 'jobs.yaml', 'storage.yaml'].map((f) => readFileSync(path.join(REPO_ROOT, 'examples/shop', f), 'utf8'));

function expectFindingsInside(findings: readonly Finding[], texts: ReadonlyMap<string, string>): void {
  for (const f of findings) {
    const text = texts.get(f.file);
    expect(text, `finding in unknown file ${f.file}`).toBeDefined();
    const lines = text!.split(/\r\n|\r|\n/).length;
    expect(f.line, `${f.ruleId} at ${f.line} of ${lines} lines`).toBeGreaterThanOrEqual(1);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.column).toBeGreaterThanOrEqual(1);
  }
}

/** Mutations that people and editors make: deleted lines, changed indentation, truncation, swapped lines. */
const mutatedManifest = fc.tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 6 })).map(([seed, edits]) => {
  let lines = seed.split('\n');
  for (const [a, b, op] of edits) {
    if (lines.length === 0) lines = [''];
    const i = a % lines.length;
    const j = b % lines.length;
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines[i] = `  ${lines[i]}`;
    else if (op === 2) lines[i] = lines[i].replace(/^ {1,2}/, '');
    else if (op === 3) [lines[i], lines[j]] = [lines[j], lines[i]];
    else if (op === 4) lines = lines.slice(0, Math.max(1, i));
    else lines[i] = lines[i].slice(0, b % (lines[i].length + 1));
  }
  return lines.join('\n');
});

describe(`fuzzing (${RUNS} cases per property)`, () => {
  it('the loader never throws on arbitrary strings, and problems point inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), fc.stringMatching(/^[a-z:\-[\]{}&*!|>'"# \n]{0,200}$/)), (text) => {
        const parsed = parseStream('f.yaml', text);
        const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).length;
        for (const p of parsed.problems) {
          expect(p.range.start.line).toBeGreaterThanOrEqual(1);
          expect(p.range.start.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('random bytes decode to text or to one problem, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const read = decodeManifest('b.yaml', bytes);
        if ('text' in read) parseStream('b.yaml', read.text);
        else expect(read.problem.file).toBe('b.yaml');
      }),
      { numRuns: RUNS },
    );
  });

  it('the whole pipeline survives mutated real manifests, with every finding on an existing line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutatedManifest, { minLength: 1, maxLength: 3 }), async (texts) => {
        const inline = texts.map((text, i) => ({ file: `m${i}.yaml`, text }));
        const result = await lint([], { preset: 'all', inline });
        expectFindingsInside(result.findings, new Map(inline.map((s) => [s.file, s.text])));
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 3)) },
    );
  });
});
