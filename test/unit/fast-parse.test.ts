import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments, type Document, type Node as YamlNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { fastParseDocuments, isSkipped, readDocuments } from '../../src/load/fast-parse.js';
import { locatePath, offsetsToRange } from '../../src/load/locate.js';
import { parseStream } from '../../src/load/parse.js';
import { KUBERNETES_YAML_OPTIONS } from '../../src/load/yaml-options.js';
import { corpusDifferential, differences, expectSameAsFullParse, fieldPaths, read, readFastAsYaml } from '../helpers/fast-parse-differential.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * The fast reader must give exactly what yaml's document model gives (values, key order, node
 * ranges, document count) whenever it accepts a text, and accept nothing yaml reports an error on.
 * The whole corpora beside the checkout: test/full/fast-parse-corpora.full.test.ts.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 150); // `npm run fuzz` runs 20,000

describe('fast YAML reading agrees with the yaml document model on the examples and test fixtures (a vendored corpus included)', () => {
  corpusDifferential([path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'test/fixtures')]);
});

describe('fast YAML reading agrees with the yaml document model', () => {
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
      const parsed = parseStream('stream.yaml', text);
      const syntaxError = doc.includes('unclosed');
      // The good documents keep their fast-read positions unless a syntax error sent the whole file the full way.
      expect(parsed.positions?.[0] ?? null, JSON.stringify(doc)).toEqual(syntaxError ? null : expect.anything());
    }
  });

  it('keeps the tokens of the documents yaml must read, however many there are, so they are not parsed again', () => {
    const plain = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n';
    const anchored = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &n anchored\n';
    expect(readDocuments([anchored, plain, plain].join('---\n'))?.map(isSkipped)).toEqual([true, false, false]);
    const mostlySkipped = readDocuments([anchored, anchored, plain, plain].join('---\n'));
    expect(mostlySkipped?.map(isSkipped)).toEqual([true, true, false, false]);
    expect(mostlySkipped?.filter(isSkipped).map((d) => d.tokens[0].type)).toEqual(['document', 'document']);
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

  it('agrees with the full parse when an unclosed quote swallows the next document marker (fuzz regression)', () => {
    const text = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: uploads\nspec:\n  accessModes: [ReadWriteMany] \'\n  storageClassName: ""\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads\n  namespace: shop\nspec:\n  volumeName: uploads\n';
    expectSameAsFullParse(text, JSON.stringify(text));
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
    const parsed = parseStream('list.yaml', text);
    expect(parsed.positions?.[0], 'read the fast way, with node positions').toBeTruthy();
    expect(parsed.objects.map((o) => o.id)).toEqual(['ConfigMap/x/a', 'Service/default/b']);
    expect(parsed.problems.map((p) => [p.kind, p.message, p.range.start.line])).toEqual([['not-a-mapping', 'items[2] of the List: not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata', 15]]);
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
    const parsed = parseStream('clash.yaml', text);
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
