import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { ParseCache } from '../../src/load/cache.js';
import { discoverFiles, loadFile, loadInputs, parseFieldPath, parseStream, UsageError } from '../../src/load/index.js';
import { toPortable, withLocators, type PortableFileLoad } from '../../src/load/portable.js';
import { decodeManifest } from '../../src/load/read.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  template:
    spec:
      containers:
        - name: a
          image: nginx:1.27
          ports:
            - containerPort: 80
            - containerPort: 443
`;

describe('parseStream', () => {
  it('types an object: group, version, default namespace, labels', () => {
    const { objects, problems } = parseStream('d.yaml', DEPLOYMENT);
    expect(problems).toEqual([]);
    expect(objects).toHaveLength(1);
    expect(objects[0]).toMatchObject({ id: 'Deployment/default/web', apiVersion: 'apps/v1', group: 'apps', version: 'v1', kind: 'Deployment', name: 'web', namespace: 'default', labels: { app: 'web' } });
    expect(objects[0].source).toMatchObject({ file: 'd.yaml', documentIndex: 0, range: { start: { line: 1, column: 1 } } });
  });

  it('locates any field path, and the deepest existing part of a missing one', () => {
    const [obj] = parseStream('d.yaml', DEPLOYMENT).objects;
    expect(obj.source.locate('spec.template.spec.containers[0].ports[1]').start).toEqual({ line: 14, column: 15 });
    expect(obj.source.locate('spec.template.spec.containers[0].image')).toEqual({ start: { line: 11, column: 11 }, end: { line: 11, column: 28 } });
    expect(obj.source.locate('spec.template.spec.containers[0].securityContext.runAsNonRoot').start).toEqual({ line: 10, column: 11 });
    expect(obj.source.locate(['metadata', 'labels', 'app']).start).toEqual({ line: 5, column: 12 });
  });

  it('cluster-scoped kinds have no namespace', () => {
    const { objects } = parseStream('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, namespace: ignored}\n');
    expect(objects[0].namespace).toBeNull();
    expect(objects[0].id).toBe('Namespace/shop');
  });

  it('reads every document; empty and comment-only documents are silent', () => {
    const text = '# just a comment\n---\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n~\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n';
    const { objects, problems } = parseStream('m.yaml', text);
    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.name, o.source.documentIndex, o.source.range.start.line])).toEqual([['a', 1, 4], ['b', 3, 10]]);
  });

  it('a syntax error is a finding at its line and the other documents still load', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "broken\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
    const { objects, problems } = parseStream('m.yaml', text);
    expect(objects.map((o) => o.name)).toEqual(['a', 'c']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'yaml-syntax', file: 'm.yaml' });
    expect(problems[0].range.start.line).toBeGreaterThanOrEqual(8);
    expect(problems[0].range.start.line).toBeLessThanOrEqual(9);
  });

  it('a document that is not a mapping, or lacks apiVersion/kind/name, is invalid-object', () => {
    const { problems } = parseStream('m.yaml', '- a\n- b\n---\nkind: ConfigMap\nmetadata: {name: x}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n');
    expect(problems.map((p) => [p.kind, p.range.start.line, p.message.match(/missing [^;]+|not a mapping/)?.[0]])).toEqual([
      ['not-a-mapping', 1, 'not a mapping'],
      ['missing-fields', 4, 'missing "apiVersion"'],
      ['missing-fields', 9, 'missing "metadata.name"'],
    ]);
  });

  it('a duplicate key is reported at the second key, and the object still loads', () => {
    const { objects, problems } = parseStream('m.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  k: 1\n  k: 2\n');
    expect(objects).toHaveLength(1);
    expect(problems).toMatchObject([{ kind: 'duplicate-key', range: { start: { line: 6, column: 3 } } }]);
  });

  it('expands kind: List (and *List kinds) into items with their own ranges', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: b}\n---\napiVersion: v1\nkind: ServiceList\nitems: []\n';
    const { objects, problems } = parseStream('l.yaml', text);
    expect(problems).toEqual([]);
    expect(objects.map((o) => [o.kind, o.source.itemIndex, o.source.range.start.line, o.source.locate('metadata.name').start.line])).toEqual([['ConfigMap', 0, 4, 6], ['Secret', 1, 7, 9]]);
  });

  it('generateName stands in for name', () => {
    const { objects, problems } = parseStream('j.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-}\n');
    expect(problems).toEqual([]);
    expect(objects[0].name).toBe('migrate-*');
  });

  it('JSON files parse, and JSON that is not a manifest is skipped', () => {
    expect(parseStream('cm.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}').objects).toHaveLength(1);
    expect(parseStream('package.json', '{"name":"x","version":"1.0.0"}')).toMatchObject({ objects: [], problems: [] });
  });

  it('component configuration (no metadata, not an API group) is not an object and not an error', () => {
    expect(parseStream('audit.yaml', 'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n')).toMatchObject({ objects: [], problems: [] });
    expect(parseStream('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata: {}\n').problems).toHaveLength(1);
  });

  it('CRLF line endings and a byte-order mark keep line:col exact', () => {
    const text = '\ufeffapiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: a\r\nspec:\r\n  selector: {app: x}\r\n';
    const [obj] = parseStream('crlf.yaml', text).objects;
    expect(obj.source.range.start).toEqual({ line: 1, column: 1 });
    expect(obj.source.locate('spec.selector').start).toEqual({ line: 6, column: 3 });
  });

  // How quickly: bench/alias-bomb.js. Expanding it (9^9 nodes) would not finish within the test's timeout.
  it('an alias bomb is refused instead of expanding', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const { objects, problems } = parseStream('bomb.yaml', text);
    expect(objects).toEqual([]);
    expect(problems[0]).toMatchObject({ kind: 'unexpandable' });
  });
});

describe('decodeManifest', () => {
  it('decodes UTF-16 with a byte-order mark', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeManifest('u.yaml', bytes)).toEqual({ text });
  });

  it('binary and invalid UTF-8 become one problem each', () => {
    expect(decodeManifest('b.yaml', Buffer.from([1, 0, 2, 3]))).toMatchObject({ problem: { kind: 'binary', message: expect.stringContaining('binary') } });
    const bad = Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    expect(decodeManifest('u.yaml', bad)).toMatchObject({ problem: { kind: 'not-utf8', range: { start: { line: 2 } }, message: expect.stringContaining('UTF-8') } });
  });
});

describe('discoverFiles and loadInputs', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kubeknit-discover-'));
  mkdirSync(path.join(root, 'deploy/nested'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules/pkg'), { recursive: true });
  writeFileSync(path.join(root, 'deploy/a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
  writeFileSync(path.join(root, 'deploy/nested/b.yml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n');
  writeFileSync(path.join(root, 'deploy/notes.txt'), 'not a manifest');
  writeFileSync(path.join(root, 'node_modules/pkg/c.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
  symlinkSync(path.join(root, 'deploy'), path.join(root, 'deploy/nested/loop'));

  it('walks directories recursively, skipping node_modules, following a symlink loop once', () => {
    const files = discoverFiles([root]).map((f) => path.relative(root, f));
    expect(files.filter((f) => !f.includes('loop'))).toEqual(['deploy/a.yaml', 'deploy/nested/b.yml']);
    expect(files.length).toBeLessThanOrEqual(3);
  });

  it('expands globs and honours ignore globs', () => {
    expect(discoverFiles([`${root}/deploy/*.yaml`])).toEqual([`${root}/deploy/a.yaml`]);
    expect(discoverFiles([`${root}/deploy`], { ignore: ['**/nested/**'] })).toEqual([`${root}/deploy/a.yaml`]);
  });

  it('a path that does not exist is a usage error naming it', () => {
    expect(() => discoverFiles([`${root}/missing`])).toThrow(UsageError);
    expect(() => discoverFiles([`${root}/missing`])).toThrow(/missing/);
  });

  it('inline texts (stdin) load with the rest, under their given name', () => {
    const result = loadInputs([`${root}/deploy/a.yaml`, '-'], { inline: [{ file: 'stdin.yaml', text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n' }] });
    expect(result.objects.map((o) => `${o.source.file}:${o.kind}`)).toEqual([`${root}/deploy/a.yaml:ConfigMap`, 'stdin.yaml:Secret']);
  });

  it('a CRD with scope Cluster makes its resources cluster-scoped; duplicates keep distinct ids', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Cluster\n  names: {kind: Widget, plural: widgets}\n';
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n';
    const result = loadInputs([], { inline: [{ file: 'crd.yaml', text: crd }, { file: 'w.yaml', text: `${widget}---\n${widget}` }] });
    expect(result.objects.filter((o) => o.kind === 'Widget').map((o) => [o.namespace, o.id])).toEqual([[null, 'Widget/w'], [null, 'Widget/w#2']]);
  });
});

describe('parseFieldPath', () => {
  it('splits dots, indexes and quoted keys', () => {
    expect(parseFieldPath('spec.containers[0]["kubeknit.io/ignore"].x')).toEqual(['spec', 'containers', 0, 'kubeknit.io/ignore', 'x']);
  });
});

describe('field ranges kept across runs (--cache)', () => {
  it('a cache entry keeps the ranges its file located, and a rebuilt load answers from them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-ranges-'));
    try {
      const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n';
      const load = loadFile('a.yaml', text);
      const located = load.parsed.objects[0].source.locate('data.k');
      expect(located.start).toEqual({ line: 6, column: 3 });
      const cache = new ParseCache(dir, 'test');
      const key = ParseCache.key('a.yaml', text);
      cache.set(key, serialize(toPortable(load)));
      cache.setLocated(key, load.parsed.locator!.locatedRanges());
      cache.save();

      const again = new ParseCache(dir, 'test');
      const stored = again.located(key);
      expect(stored).toEqual([['0||data.k', located]]);
      // A stored range wins over parsing: give a different one and it is what locate returns.
      const fake = { start: { line: 9, column: 9 }, end: { line: 9, column: 10 } };
      const rebuilt = withLocators(deserialize(again.get(key)!) as PortableFileLoad, [['0||data.k', fake]]);
      expect(rebuilt.parsed.objects[0].source.locate('data.k')).toEqual(fake);
      expect(rebuilt.parsed.objects[0].source.locate('metadata.name').start).toEqual({ line: 4, column: 3 });
      expect(new ParseCache(dir, 'other version').located(key)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
