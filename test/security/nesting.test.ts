import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { findDeepDocuments, refuseDeepDocuments } from '../../src/load/nesting-scan.js';
import { yamlParseCount } from '../../src/load/parse-count.js';
import { MAX_NESTING_DEPTH, parseStream } from '../../src/load/parse.js';
import { tempTree } from '../helpers/temp.js';

/** Characters handed to YAML parsers while `run` runs (this thread). */
async function parsedCharacters(run: () => Promise<unknown>): Promise<number> {
  const before = yamlParseCount.characters;
  await run();
  return yamlParseCount.characters - before;
}

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;
const refusedAt = (text: string) => findDeepDocuments(text, MAX_NESTING_DEPTH).map((d) => d.at);

describe('the nesting pre-scan', () => {
  it('refuses flow nesting one level past the limit, at the bracket that goes past it', () => {
    expect(refusedAt(`${'['.repeat(256)}${']'.repeat(256)}\n`)).toEqual([]);
    expect(refusedAt(`${'['.repeat(257)}${']'.repeat(257)}\n`)).toEqual([256]);
    // Inside a block mapping the mapping is a level too.
    const doc = `apiVersion: v1\ndata: ${'{a: '.repeat(256)}1${'}'.repeat(256)}\n`;
    expect(refusedAt(doc)).toEqual([doc.indexOf('{') + 4 * 255]);
  });

  it('refuses deep block nesting: indentation, and compact "- - -" on one line', () => {
    const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' v\n';
    expect(refusedAt(indented)).toHaveLength(1);
    expect(refusedAt(`a:\n  ${'- '.repeat(300)}x\n`)).toHaveLength(1);
    const listsUnderKeys = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- k:`).join('\n') + ' v\n';
    expect(refusedAt(listsUnderKeys)).toHaveLength(1);
    expect(refusedAt(indented.replace(/\n/g, '\r'))).toHaveLength(1); // old Mac line ends
  });

  it('does not count brackets in quoted, plain and block scalars or in comments', () => {
    const open = '['.repeat(1000);
    const text = [
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x # ${open}\ndata:`,
      `  double: "${open} \\" ${open}"`,
      `  single: '${open} '' ${open}'`,
      `  plain: x${open}`,
      `  folded: x\n    ${open}`,
      `  literal: |\n    ${open}\n    {\n\n    ${open}`,
      `  flow: {a: "${open}", b: '${open}', c: x${open.replace(/\[/g, 'y')}} # ${open}`,
      `  list:\n  - >-\n    ${open}`,
      '',
    ].join('\n');
    expect(refusedAt(text)).toEqual([]);
  });

  it('finds each deep document of a stream, and a quote left open does not hide the next one', () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}\n`;
    const text = `${configMap('a')}---\n${deep}---\n${configMap('b')}---\na: "open\n---\n${deep}`;
    const found = findDeepDocuments(text, MAX_NESTING_DEPTH);
    expect(found.map((d) => text.slice(d.span[0], d.span[0] + 4))).toEqual(['---\n', '---\n']);
    expect(found).toHaveLength(2);
  });

  it('turns a refused document into comment lines of the same lengths, so the rest parses with the same lines and columns', () => {
    const text = `${configMap('a')}--- ${'['.repeat(300)}${']'.repeat(300)}\n---\n${configMap('b')}`;
    const refused = refuseDeepDocuments('f.yaml', text)!;
    expect(refused.rest).toHaveLength(text.length);
    expect(refused.rest.split('\n')[3]).toMatch(/^--- # +$/);
    expect(refused.problems.map((p) => [p.kind, p.range.start])).toEqual([['too-deep', { line: 4, column: 5 + MAX_NESTING_DEPTH }]]);
    expect(parseStream('f.yaml', refused.rest).objects.map((o) => [o.name, o.source.range.start.line])).toEqual([['a', 1], ['b', 6]]);
  });

  it('refuses nothing in real manifests (shared corpora are covered by the fast-parse differential; here: a few shapes)', () => {
    const shapes = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        args: ["--a=[x", "b"]\n        command:\n        - sh\n        - -c\n        - |\n          echo {{ .Values }} [[[\n',
      '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"k": "[[[[[[[["}}\n',
    ];
    for (const shape of shapes) expect(refusedAt(shape)).toEqual([]);
  });
});

describe('a deeply nested document in a lint run', () => {
  it('is one invalid-yaml finding at the level past the limit, and the file is parsed once, with comment lines in its place', async () => {
    const depth = 400_000; // 800 KB: yaml took 15–30 s and 1.4 GB on it, then ran out of memory
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const text = `${configMap('before')}---\n${deep}---\n${configMap('after')}`;
    const dir = tempTree({ 'deep.yaml': text });
    let result: Awaited<ReturnType<typeof lint>> | undefined;
    const parsed = await parsedCharacters(async () => (result = await lint([dir], { rules: { 'unknown-kind': 'off' } })));
    expect(result!.objects.map((o) => o.name)).toEqual(['before', 'after']);
    expect(result!.findings.map((f) => [path.basename(f.file), f.ruleId, f.line, f.column, f.message])).toEqual([
      ['deep.yaml', 'invalid-yaml', 5, MAX_NESTING_DEPTH + 1, `document nests deeper than ${MAX_NESTING_DEPTH} levels; no Kubernetes object does, so it was not linted`],
    ]);
    expect(parsed).toBe(text.length); // once (it was parsed up to three times), and the refused document as comments
  });

  it('each file\'s text is parsed once (a document holding template text too: test/security/parse-once.test.ts)', async () => {
    const plain = `${configMap('a')}---\n${configMap('b')}`;
    const dir = tempTree({ 'plain.yaml': plain });
    expect(await parsedCharacters(() => lint([path.join(dir, 'plain.yaml')]))).toBe(plain.length);
  });
});
