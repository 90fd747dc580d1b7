import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { fastDocumentPositions, fastParseDocuments, isSkipped, locateInPositions, readDocuments, type FastDocument } from '../../src/load/fast-parse.js';
import { locatePath, offsetsToRange } from '../../src/load/locate.js';
import { KUBERNETES_YAML_OPTIONS } from '../../src/load/yaml-options.js';
import { parseManifestText, parseManifestTextFully, type ParsedFile } from '../../src/load/parse.js';
import { hasShared, REPO_ROOT, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

/**
 * The fast reader must give exactly what yaml's document model gives (values, key order, node
 * ranges, document count) whenever it accepts a text, and accept nothing yaml reports an error on.
 */
function differences(text: string): string[] {
  const fast = fastParseDocuments(text, undefined, { positions: true });
  if (!fast) return [];
  const docs = parseAllDocuments(text, KUBERNETES_YAML_OPTIONS);
  const list = Array.isArray(docs) ? docs : [];
  const out: string[] = [];
  if (list.length !== fast.length) out.push(`${list.length} documents, fast read ${fast.length}`);
  list.forEach((doc, i) => {
    if (doc.errors.length || doc.warnings.length) out.push(`document ${i}: yaml reports ${[...doc.errors, ...doc.warnings].map((e) => e.code).join(', ')} but the fast read accepted it`);
    const got = fast[i];
    if (!got) return;
    const contents = doc.contents;
    if (!contents || (isScalar(contents) && contents.value === null)) {
      if (got.value !== null) out.push(`document ${i}: empty, fast read a value`);
      return;
    }
    const js = doc.toJS() as unknown;
    if (!isMap(contents) || !isDeepStrictEqual(js, got.value) || JSON.stringify(js) !== JSON.stringify(got.value)) out.push(`document ${i}: values differ`);
    const range = contents.range;
    if (range[0] !== got.range[0] || range[1] !== got.range[1]) out.push(`document ${i}: range ${range.slice(0, 2).join('-')}, fast read ${got.range.join('-')}`);
    const docText = text.slice(got.span[0], got.span[1]);
    const again = parseAllDocuments(docText, KUBERNETES_YAML_OPTIONS);
    const alone = Array.isArray(again) ? again[0] : undefined;
    if (!isDeepStrictEqual(alone?.toJS(), js)) out.push(`document ${i}: its span does not parse to the same value`);
    const positions = fastDocumentPositions(docText);
    if (!positions || !alone) return out.push(`document ${i}: no positions`);
    if (!got.positions) return out.push(`document ${i}: no positions kept from reading the whole text`);
    const kept = got.positions;
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let at = docText.indexOf('\n'); at >= 0; at = docText.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
    for (const path of fieldPaths(js)) {
      const expected = locatePath(alone.contents as never, path, lines);
      const [start, end] = locateInPositions(positions, path);
      const [keptStart, keptEnd] = locateInPositions(kept, path);
      if (keptStart - got.span[0] !== start || keptEnd - got.span[0] !== end) out.push(`document ${i}: ${JSON.stringify(path)} kept at ${keptStart}-${keptEnd}, read alone at ${start}-${end} (+${got.span[0]})`);
      const sp = lines.linePos(start);
      const ep = lines.linePos(Math.max(start, end));
      const actual = { start: { line: sp.line, column: sp.col }, end: { line: ep.line, column: ep.col } };
      if (!isDeepStrictEqual(actual, expected)) out.push(`document ${i}: ${JSON.stringify(path)} at ${JSON.stringify(actual)}, yaml ${JSON.stringify(expected)}`);
    }
  });
  return out;
}

/** The documents of a text the fast reader must read, after checking they agree with yaml's. */
function readFastAsYaml(text: string): FastDocument[] {
  const docs = fastParseDocuments(text);
  expect(docs, 'read the fast way').not.toBeNull();
  expect(differences(text)).toEqual([]);
  return docs!;
}

/** Every path to a value (and one missing field below each mapping), to compare field locations. */
function fieldPaths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => fieldPaths(v, [...prefix, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fieldPaths(v, [...prefix, k], out);
    out.push([...prefix, 'notAField', 'below']);
  }
  return out;
}

/** What a parsed file gives the linter: objects (with their ranges and every field's location) and problems. */
function summary(parsed: ParsedFile): unknown {
  return {
    documents: parsed.documents,
    problems: parsed.problems,
    objects: parsed.objects.map((o) => ({
      id: o.id, body: o.body, documentIndex: o.source.documentIndex, itemIndex: o.source.itemIndex, range: o.source.range,
      located: fieldPaths(o.body).map((path) => o.source.locate(path)),
    })),
  };
}

/** The file read the usual way (fast, documents it skips parsed alone) against the whole file parsed by yaml. */
function expectSameAsFullParse(text: string, name: string): void {
  const source = text.replace(/^\ufeff/, '');
  expect(summary(parseManifestText(name, text)), name).toEqual(summary(parseManifestTextFully(name, source)));
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
}

const read = (file: string) => readFileSync(file, 'utf8').replace(/^\ufeff/, '');

/** The YAML files of the examples, the test fixtures and (when present) the shared corpora. */
const manifestFiles = () => [path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'test/fixtures'), ...(hasShared ? [sharedPath('corpora')] : [])].flatMap(yamlFiles);

const runs = Number(process.env.FUZZ_RUNS ?? 400);

describe('fast YAML reading agrees with the yaml document model', () => {
  it('on the examples and test fixtures, and reads most of them', () => {
    const files = [...yamlFiles(path.join(REPO_ROOT, 'examples')), ...yamlFiles(path.join(REPO_ROOT, 'test/fixtures'))];
    let accepted = 0;
    for (const file of files) {
      expect(differences(read(file)), file).toEqual([]);
      if (fastParseDocuments(read(file))) accepted++;
    }
    expect(accepted / files.length).toBeGreaterThan(0.8);
  });

  it.skipIf(!hasShared)(`on every manifest of the shared corpora${hasShared ? '' : ` (${SHARED_SKIP_REASON})`}`, () => {
    for (const file of yamlFiles(sharedPath('corpora'))) expect(differences(read(file)), file).toEqual([]);
  });

  it('on the examples, test fixtures and shared corpora with CRLF line ends', () => {
    for (const file of manifestFiles()) {
      const lf = read(file).replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      expect(differences(crlf), file).toEqual([]);
      expect(fastParseDocuments(crlf) === null, `${file}: read the fast way with LF line ends, but not with CRLF`).toBe(fastParseDocuments(lf) === null);
    }
  });

  it('on JSON: the JSON files of the shared corpora, and every corpus document written as JSON', () => {
    const jsonFiles = hasShared ? readdirSync(sharedPath('corpora'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(sharedPath('corpora'), f)) : [];
    for (const file of jsonFiles) expect(differences(read(file)), file).toEqual([]);
    let written = 0;
    let accepted = 0;
    for (const file of manifestFiles()) {
      const docs = parseAllDocuments(read(file), KUBERNETES_YAML_OPTIONS);
      for (const doc of Array.isArray(docs) ? docs : []) {
        const value = doc.errors.length ? undefined : (doc.toJS() as unknown);
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
        for (const json of [JSON.stringify(value, null, 2), JSON.stringify(value), `${JSON.stringify(value, null, '\t')}\n`]) {
          written++;
          expect(differences(json), `${file} as JSON`).toEqual([]);
          if (fastParseDocuments(json)) accepted++;
        }
      }
    }
    // JSON indented with tabs goes the full way (a tab between tokens); the rest is read the fast way.
    expect(accepted).toBeGreaterThanOrEqual(Math.floor((written * 2) / 3));
  });

  it('parses a file into the same objects, problems and field locations as the whole file parsed by yaml', () => {
    for (const file of manifestFiles()) expectSameAsFullParse(readFileSync(file, 'utf8'), file);
  });

  it('parses a stream of all those files (without syntax errors) as yaml does, reading most documents the fast way', () => {
    const clean = manifestFiles().map(read).filter((text) => {
      const docs = parseAllDocuments(text, KUBERNETES_YAML_OPTIONS);
      return Array.isArray(docs) && !/^%/m.test(text) && docs.every((d) => d.errors.every((e) => e.code === 'DUPLICATE_KEY'));
    });
    const stream = clean.map((text) => (text.endsWith('\n') ? text : `${text}\n`)).join('---\n');
    expectSameAsFullParse(stream, 'the stream');
    const docs = readDocuments(stream);
    expect(docs, 'read per document').not.toBeNull();
    expect(docs!.filter(isSkipped).length, 'documents left to yaml').toBeGreaterThan(0);
    expect(docs!.filter(isSkipped).length, 'documents left to yaml').toBeLessThan(docs!.length / 10);
  });

  it('reads the other documents of a stream the fast way when one of them needs yaml', () => {
    const good = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v${i}\n`;
    const odd = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchors\ndata:\n  a: &v hello\n  b: *v\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tagged\ndata:\n  a: !!str 1\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\ndata:\n  a: 1\n  a: 2\n',
      '- not\n- a mapping\n',
      'apiVersion: v1\nkind: List\nitems:\n- &item {apiVersion: v1, kind: ConfigMap, metadata: {name: l1}}\n- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: l2\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "unclosed\n',
    ];
    for (const doc of odd) {
      const text = [good(1), doc, good(2), good(3)].join('---\n');
      expectSameAsFullParse(text, JSON.stringify(doc));
      const parsed = parseManifestText('stream.yaml', text);
      const syntaxError = doc.includes('unclosed');
      // The good documents keep their fast-read positions unless a syntax error sent the whole file the full way.
      expect(parsed.positions?.[0] ?? null, JSON.stringify(doc)).toEqual(syntaxError ? null : expect.anything());
    }
  });

  it('leaves a file of mostly documents yaml must read to one full parse', () => {
    const plain = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n';
    const anchored = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n anchored\n';
    expect(readDocuments([anchored, plain, plain].join('---\n'))?.map(isSkipped)).toEqual([true, false, false]);
    expect(readDocuments([anchored, anchored, plain, plain].join('---\n')), 'two of the first two skipped').toBeNull();
    expect(readDocuments([plain, anchored, plain, anchored, plain].join('---\n'))?.filter(isSkipped)).toHaveLength(2);
  });

  it('gives way to the full parse for what it does not read itself', () => {
    const fallBack = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '%YAML 1.2\n---\na: 1\n', // directives
      'a: 1\na: 2\n', // duplicate keys
      'base: &b {x: 1}\nc:\n  <<: *b\n', // merge keys
      'a: 1\n"<<": 2\n', // a quoted merge key: a plain key to yaml, kept off the fast path all the same
      'a: %x\n', // a plain scalar may not start with %
      '%TAG ! tag:example.com,2000:\n---\na: 1\n',
      'a: 1\n...\n%YAML 1.2\n---\nb: 2\n', // a directive before a later document
      'a:\n\tb: 1\n', // a tab as indentation
      'a:\t1\n', // a tab between tokens (yaml reads this one; which it refuses depends on the indentation around)
      '{\n\t"a": 1\n}\n', // JSON indented with tabs
      'a: 1\rb: 2\r', // a carriage return alone ends a line in YAML, but not in the locator's line count
      '- a\n- b\n', // a list document
      'a: "unclosed\n', // syntax errors
      '? complex\n: key\n',
      '1: one\n', // a key that is not a string
      'a: [1, 2,]\n',
      'x:\n' + '  - '.repeat(1).concat('[') + '['.repeat(300) + ']'.repeat(300) + ']\n', // hostile depth
    ];
    for (const text of fallBack) expect(fastParseDocuments(text), JSON.stringify(text)).toBeNull();
  });

  it('reads tabs inside quoted and block scalars and comments the fast way', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tabs # a\tcomment\ndata:\n  quoted: "a\tb"\n  plain: a\tb\n  Makefile: |\n    all:\n    \techo "\tdone"\n';
    const docs = readFastAsYaml(text);
    expect(docs[0].value).toMatchObject({ data: { quoted: 'a\tb', plain: 'a\tb', Makefile: 'all:\n\techo "\tdone"\n' } });
  });

  it('reads percentages, printf formats and heredocs (% and << inside values) the fast way', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'spec:',
      '  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: "10%"}}',
      '  template:',
      '    metadata:',
      '      annotations: {format: "%Y-%m-%d", url: http://x/a%20b}',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        args: ["-c", "echo 100% done"]',
      '        command:',
      '        - sh',
      '        - -c',
      '        - |',
      '          cat <<EOF > /tmp/x',
      '          %s << %d',
      '          EOF',
    ].join('\n');
    const docs = readFastAsYaml(text);
    expect(docs[0].value).toMatchObject({ spec: { strategy: { rollingUpdate: { maxSurge: '25%' } } } });
  });

  it('reads a List the fast way: an object per item, at the ranges and field locations yaml gives', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: ConfigMap',
      '  metadata: {name: a, namespace: x}',
      '  data: {k: v}',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata:',
      '    name: b',
      '  spec:',
      '    ports:',
      '    - port: 80',
      '- not an object',
    ].join('\n');
    expect(fastParseDocuments(text)).not.toBeNull();
    const parsed = parseManifestText('list.yaml', text);
    expect(parsed.positions?.[0], 'read the fast way, with node positions').toBeTruthy();
    expect(parsed.objects.map((o) => o.id)).toEqual(['ConfigMap/x/a', 'Service/default/b']);
    expect(parsed.problems.map((p) => [p.ruleId, p.message, p.range.start.line])).toEqual([['invalid-object', 'items[2] of the List: not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata', 15]]);
    const [doc] = parseAllDocuments(text, KUBERNETES_YAML_OPTIONS) as Document.Parsed[];
    const items = (doc.contents as YAMLMap).get('items', true) as unknown as YAMLSeq;
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
    parsed.objects.forEach((obj, i) => {
      const node = items.items[i] as YamlNode;
      expect(obj.source.range).toEqual(offsetsToRange(lines, node.range![0], node.range![1]));
      for (const path of fieldPaths(obj.body)) expect(obj.source.locate(path), JSON.stringify(path)).toEqual(locatePath(node, path, lines));
    });
  });

  it('reads quoted, block and flow scalars, comments and typed values as yaml does', () => {
    const text = [
      '# leading comment',
      'apiVersion: v1 # trailing',
      'kind: ConfigMap',
      'metadata: {name: "a b", labels: {x: \'y\'}}',
      'data:',
      '  literal: |',
      '    line 1',
      '    line 2',
      '  folded: >-',
      '    one',
      '    two',
      '  empty:',
      '  list: [1, 2.5, true, null, ~, "3", 0x1F, .inf]',
      '  seq:',
      '  - a',
      '  -',
      '  - b: c',
      '    d: e',
      '  # closing comment',
      '---',
      '...',
      '---',
      'kind: Second',
    ].join('\n');
    const docs = readFastAsYaml(text);
    expect(docs.length).toBe(3);
    expect(docs[0].value).toMatchObject({ data: { literal: 'line 1\nline 2\n', folded: 'one two', empty: null, list: [1, 2.5, true, null, null, '3', 31, Infinity] } });
  });

  it('keeps no positions for a mapping whose keys share a hash, and the locator still finds the right field', () => {
    // "k4uzx" and "kf2ad" have the same 32-bit FNV-1a hash.
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: clash\ndata:\n  k4uzx: one\n  kf2ad: two\n';
    const [doc] = fastParseDocuments(text, undefined, { positions: true })!;
    expect(doc.value).toMatchObject({ data: { k4uzx: 'one', kf2ad: 'two' } });
    expect(doc.positions).toBeNull();
    const parsed = parseManifestText('clash.yaml', text);
    expect(parsed.objects[0].source.locate('data.kf2ad')).toEqual({ start: { line: 7, column: 3 }, end: { line: 7, column: 13 } });
    expect(parsed.objects[0].source.locate('data.k4uzx')).toEqual({ start: { line: 6, column: 3 }, end: { line: 6, column: 13 } });
  });

  it('agrees on mutated manifests (fast-check)', () => {
    const shop = ['web.yaml', 'database.yaml', 'jobs.yaml', 'storage.yaml'].map((f) => read(path.join(REPO_ROOT, 'examples/shop', f)));
    const asJson = shop.map((text) => JSON.stringify(parseAllDocuments(text, KUBERNETES_YAML_OPTIONS)[0].toJS(), null, 2));
    const seeds = [...shop, ...asJson];
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 9 }));
    const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([seed, edits, crlf]) => {
      let lines = seed.split('\n');
      for (const [a, b, op] of edits) {
        const i = a % lines.length;
        const j = b % lines.length;
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines[i] = ` ${lines[i]}`;
        else if (op === 2) lines[i] = lines[i].replace(/^ /, '');
        else if (op === 3) [lines[i], lines[j]] = [lines[j], lines[i]];
        else if (op === 4) lines[i] = lines[i].slice(0, b % (lines[i].length + 1));
        else if (op === 5) lines[i] = `${lines[i]} ${'#:-[]{}"\'|>,\r%<\t'[b % 17]}`;
        else if (op === 6) lines[i] = `${'%<\t'[b % 3]}${lines[i]}`;
        else if (op === 7) lines[i] = lines[i].replace(/ (?=\S)/, '\t');
        else if (op === 8) lines[i] = lines[i].replace(/: (?=\S)/, `: ${['&a ', '*a', '!!str ', '---\n'][b % 4]}`);
        else lines.splice(i, 0, lines[j]);
        if (!lines.length) lines = [''];
      }
      return lines.join(crlf ? '\r\n' : '\n');
    });
    let accepted = 0;
    fc.assert(fc.property(mutated, (text) => {
      expect(differences(text)).toEqual([]);
      expectSameAsFullParse(text, JSON.stringify(text));
      if (fastParseDocuments(text)) accepted++;
    }), { numRuns: runs });
    expect(accepted, 'mutations the fast reader accepted (the rest fall back)').toBeGreaterThan(runs / 20);
  }, Math.max(30_000, runs * 10)); // FUZZ_RUNS=20000 for a deeper search
});
