import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_RULE, lint, type Finding } from '../../src/index.js';
import { parseStream } from '../../src/load/index.js';
import { decodeManifest } from '../../src/load/read.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * Property-based tests: no input makes the loader or the pipeline throw, and every finding points
 * at a line that exists. CI runs a bounded number of cases; `npm run fuzz` runs many more
 * (FUZZ_RUNS, default 20000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** The whole-pipeline properties lint every case: their time grows with the runs (`npm run fuzz`). */
const PIPELINE_TIMEOUT_MS = Math.max(30_000, RUNS * 40);
/** Each pipeline case lints whole manifests: `npm test` runs 50 of them, `npm run fuzz` the full FUZZ_RUNS. */
const PIPELINE_RUNS = process.env.FUZZ_RUNS ? RUNS : 50;
const SEEDS = ['web.yaml', 'database.yaml', 'jobs.yaml', 'storage.yaml'].map((f) => readFileSync(path.join(REPO_ROOT, 'examples/shop', f), 'utf8'));

function expectFindingsInside(findings: readonly Finding[], texts: ReadonlyMap<string, string>): void {
  expect(findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE).map((f) => f.message)).toEqual([]);
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
      { numRuns: PIPELINE_RUNS },
    );
  }, PIPELINE_TIMEOUT_MS);

  it('prototype-member names and control characters as kinds, versions, names, keys and values: no rule fails', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), hostileName), { minLength: 1, maxLength: 8 }), async (seed, edits) => {
        const text = substituteNames(seed, edits);
        const result = await lint([], { preset: 'all', inline: [{ file: 'h.yaml', text }] });
        expectFindingsInside(result.findings, new Map([['h.yaml', text]]));
      }),
      { numRuns: PIPELINE_RUNS },
    );
  }, PIPELINE_TIMEOUT_MS);

  it('values of the wrong type (mappings, lists, floats, null) never make a message say undefined, NaN or [object Object]', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fc.nat(), wrongTypedValue), { minLength: 1, maxLength: 6 }), async (seed, edits) => {
        const text = substituteValues(seed, edits);
        const result = await lint([], { preset: 'all', inline: [{ file: 'v.yaml', text }] });
        expectFindingsInside(result.findings, new Map([['v.yaml', text]]));
        const garbled = result.findings.filter((f) => /\bundefined\b|\bNaN\b|\[object \w+\]/.test(f.message) && !/\bundefined\b|\bNaN\b|\[object \w+\]/.test(text));
        expect(garbled.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: PIPELINE_RUNS },
    );
  }, PIPELINE_TIMEOUT_MS);

  it('hostile CRD schemas (bad keywords, wrong types, $refs, patterns, CEL) give findings, never a failed rule', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileKeyword, { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), async (keywords, value) => {
        const text = crdWith(Object.assign({}, ...keywords) as Record<string, unknown>, value);
        const result = await lint([], { inline: [{ file: 'crd.yaml', text }] });
        expectFindingsInside(result.findings, new Map([['crd.yaml', text]]));
      }),
      { numRuns: PIPELINE_RUNS },
    );
  }, PIPELINE_TIMEOUT_MS);
});

/** Names of Object.prototype members, control characters (NUL, ESC, BEL, CR) and markup, as YAML-quoted strings. */
const hostileName = fc.oneof(
  fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable'),
  fc.string({ maxLength: 12 }).map((t) => `${t}\u0000\u001b]0;x\u0007\r[a](http://x)<b>`),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

/** Replaces the key or value at some `key: value` lines of a manifest with a hostile name (JSON-quoted). */
function substituteNames(seed: string, edits: ReadonlyArray<readonly [number, string]>): string {
  const lines = seed.split('\n');
  const slots = lines.map((line, i) => (/^\s*(- )?[\w.-]+: ?\S/.test(line) ? i : -1)).filter((i) => i >= 0);
  for (const [at, name] of edits) {
    const i = slots[at % slots.length];
    const quoted = JSON.stringify(name);
    lines[i] = at % 2 === 0
      ? lines[i].replace(/^(\s*(?:- )?)([\w.-]+):/, `$1${quoted}:`)
      : lines[i].replace(/^(\s*(?:- )?[\w.-]+: ?).*$/, `$1${quoted}`);
  }
  return lines.join('\n');
}

/** YAML values of the types a field rarely has: a mapping, a list, a float, null, a boolean, a non-numeric string. */
const wrongTypedValue = fc.constantFrom('{a: 1}', '[1, 2]', '{}', '[]', '80.5', 'null', '~', 'true', 'abc', '"80"', '-1', '1e3', '0x1F', '.nan', '.inf', '-.inf', '{toString: x}');

/** Replaces the value at some `key: value` lines of a manifest (YAML text, not quoted). */
function substituteValues(seed: string, edits: ReadonlyArray<readonly [number, string]>): string {
  const lines = seed.split('\n');
  const slots = lines.map((line, i) => (/^\s*(- )?[\w.-]+: ?\S/.test(line) ? i : -1)).filter((i) => i >= 0);
  for (const [at, value] of edits) {
    const i = slots[at % slots.length];
    lines[i] = lines[i].replace(/^(\s*(?:- )?[\w.-]+: ?).*$/, `$1${value}`);
  }
  return lines.join('\n');
}

const hostileKeyword = fc.oneof(
  fc.record({ type: fc.constantFrom('foo', 'strign', 'object', 'array', 'integer', 'string', '__proto__') }),
  fc.record({ minimum: fc.constantFrom('abc', null, 1, '1') }),
  fc.record({ maxLength: fc.constantFrom(-1, 'x', 1.5) }),
  fc.record({ $ref: fc.constantFrom('#/definitions/none', 'http://example.com/s.json', '#', '../x') }),
  fc.record({ pattern: fc.constantFrom('^(a+)+$', '(?=x)', '[', '\\', '(?i)A', '^$') }),
  fc.record({ enum: fc.constantFrom('x', [], [1, 'a'], null) }),
  fc.record({ required: fc.constantFrom('x', ['__proto__'], [1]) }),
  fc.record({ uniqueItems: fc.constantFrom(true, 'yes') }),
  fc.record({ items: fc.constantFrom({ type: 'foo' }, [{ type: 'string' }], true) }),
  fc.record({ properties: fc.constantFrom({ __proto__: { type: 'string' } }, { constructor: { minimum: 'x' } }, 'x') }),
  fc.record({ 'x-kubernetes-validations': fc.constantFrom([{ rule: '1/0 == 1' }], [{ rule: 'self.(' }], [{ rule: 7 }], 'x', [{ rule: 'self.all(x, true)' }], [{ rule: 'self.matches("(a+)+$")' }]) }),
  fc.record({ 'x-kubernetes-list-type': fc.constantFrom('map', 'set', 'x'), 'x-kubernetes-list-map-keys': fc.constantFrom(['a'], 'a', []) }),
);

/** A CRD whose spec schema has these keywords, and one custom resource with `value` as its spec. */
function crdWith(keywords: Record<string, unknown>, value: unknown): string {
  const schema = JSON.stringify({ type: 'object', properties: { spec: keywords } });
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: things.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Thing, plural: things}
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: ${schema}}}]
---
apiVersion: example.com/v1
kind: Thing
metadata: {name: t, namespace: n}
spec: ${JSON.stringify(value) ?? 'null'}
`;
}
