import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint, lintLoaded, type Finding, type LintOptions } from '../../src/index.js';
import { ParseCache } from '../../src/load/cache.js';
import { loadInputs } from '../../src/load/index.js';
import { loadInputsFast } from '../../src/load/parallel.js';
import { ValidationCache } from '../../src/schema/validation-cache.js';
import { validateObject } from '../../src/schema/validate-object.js';
import { REPO_ROOT } from '../helpers/shared.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-validation-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const crd = readFileSync(path.join(REPO_ROOT, 'test/fixtures/schema-violation/widget-crd.yaml'), 'utf8');
// The env values are text in YAML 1.1 as kubectl reads it (`y` or `n` would be booleans).
const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [
    {name: web, image: "nginx:1.27", imagePullPolice: Always,
     ports: [{containerPort: 80}, {containerPort: 80}],
     env: [{name: A, value: a}, {name: A, value: b}]}]}}
`;
const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  trafficDistribution: PreferClose\n  ports: [{port: 80, targetPort: "8080"}]\n';
const widget = (size: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: ${size}, color: green}\n`;

/** The texts of a small tree, one file per text. */
const tree = (texts: Record<string, string>) => Object.entries(texts).map(([file, text]) => ({ file, text }));

const ONLY_SCHEMA: LintOptions = { preset: 'all', rules: { 'schema-violation': 'error' } };

function schemaFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.ruleId === 'schema-violation');
}

/** Lints with a cache in `dir` (a new instance, as a new process has), saves it, and tells how many results came from it. */
function lintWithCache(dir: string, texts: Record<string, string>, options: LintOptions = {}): { findings: Finding[]; hits: number; misses: number } {
  const cache = new ValidationCache(dir, 'test');
  const result = lintLoaded(loadInputs([], { inline: tree(texts) }), { ...ONLY_SCHEMA, ...options }, cache);
  cache.save();
  return { findings: schemaFindings(result.findings), hits: cache.hits, misses: cache.misses };
}

function lintWithout(texts: Record<string, string>, options: LintOptions = {}): Finding[] {
  return schemaFindings(lintLoaded(loadInputs([], { inline: tree(texts) }), { ...ONLY_SCHEMA, ...options }).findings);
}

describe('schema validation results cache (--cache)', () => {
  const texts = { 'app.yaml': deployment('"three"'), 'svc.yaml': service, 'crd.yaml': crd, 'widget.yaml': widget('0') };

  it('gives the same findings as a run without it, and a second run takes every result from it', () => {
    const dir = path.join(tmp, 'same');
    const expected = lintWithout(texts);
    expect(expected.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['app.yaml:5:3', 'app.yaml:8:38', 'app.yaml:10:33', 'widget.yaml:4:8', 'widget.yaml:4:17']);
    const first = lintWithCache(dir, texts);
    expect(first.findings).toEqual(expected);
    expect(first).toMatchObject({ hits: 0, misses: 4 });
    const second = lintWithCache(dir, texts);
    expect(second.findings).toEqual(expected);
    expect(second).toMatchObject({ hits: 4, misses: 0 });
  });

  it('validates again an object whose body changed, and only that one', () => {
    const dir = path.join(tmp, 'edit');
    lintWithCache(dir, texts);
    const edited = { ...texts, 'app.yaml': deployment('3') };
    const run = lintWithCache(dir, edited);
    expect(run.findings).toEqual(lintWithout(edited));
    expect(run.findings.map((f) => f.line)).not.toContain(5);
    expect(run).toMatchObject({ hits: 3, misses: 1 });
  });

  it('tells apart values JSON would print alike (.nan and null)', () => {
    const dir = path.join(tmp, 'nan');
    expect(lintWithCache(dir, { 'app.yaml': deployment('null') }).findings.map((f) => f.line)).toEqual([8, 10]);
    const nan = lintWithCache(dir, { 'app.yaml': deployment('.nan') });
    expect(nan.findings).toEqual(lintWithout({ 'app.yaml': deployment('.nan') }));
    expect(nan.findings.map((f) => f.line)).toEqual([5, 8, 10]);
  });

  it('validates again when the Kubernetes version changes', () => {
    const dir = path.join(tmp, 'version');
    expect(lintWithCache(dir, { 'svc.yaml': service }).findings).toEqual([]);
    const older = lintWithCache(dir, { 'svc.yaml': service }, { kubernetesVersion: '1.27' });
    expect(older.misses).toBe(1);
    expect(older.findings).toEqual(lintWithout({ 'svc.yaml': service }, { kubernetesVersion: '1.27' }));
    expect(older.findings.map((f) => f.message)).toEqual([expect.stringContaining('unknown field "trafficDistribution"')]);
  });

  it('validates a custom resource again when its CRD changes', () => {
    const dir = path.join(tmp, 'crd');
    lintWithCache(dir, texts);
    const widened = { ...texts, 'crd.yaml': crd.replace('enum: [red, blue]', 'enum: [red, blue, green]') };
    const run = lintWithCache(dir, widened);
    expect(run.findings).toEqual(lintWithout(widened));
    expect(run.findings.filter((f) => f.file === 'widget.yaml').map((f) => f.column)).toEqual([8]);
  });

  it('validates a custom resource again when its schema file in a --schema-location changes', () => {
    const dir = path.join(tmp, 'location');
    const folder = path.join(tmp, 'schemas');
    mkdirSync(path.join(folder, 'example.com'), { recursive: true });
    const writeSchema = (colors: string[]) => writeFileSync(path.join(folder, 'example.com', 'gadget_v1.json'), JSON.stringify({
      type: 'object', properties: { spec: { type: 'object', properties: { color: { type: 'string', enum: colors } } } },
    }));
    const gadget = { 'gadget.yaml': 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {color: green}\n' };
    writeSchema(['red']);
    expect(lintWithCache(dir, gadget, { schemaLocations: [folder] }).findings.map((f) => f.message)).toEqual([expect.stringContaining('must be one of "red"')]);
    writeSchema(['red', 'green']);
    const run = lintWithCache(dir, gadget, { schemaLocations: [folder] });
    expect(run).toMatchObject({ findings: [], misses: 1 });
  });

  it('keys an object read through the parse cache by its file\'s text and place, the same in every run, and anew when the text changes', async () => {
    const location = path.join(tmp, 'named');
    const load = async (text: string, file = 'app.yaml') => {
      const cache = new ParseCache(location, 'test');
      const loaded = await loadInputsFast([], { inline: [{ file, text }], cache, jobs: 1 });
      cache.save();
      return loaded.objects[0];
    };
    const first = await load(deployment('3'));
    const fromCache = await load(deployment('3'));
    expect(fromCache.body).not.toBe(first.body);
    expect(ValidationCache.key('s', 'id', fromCache.body)).toBe(ValidationCache.key('s', 'id', first.body));
    expect(ValidationCache.key('s', 'other', fromCache.body)).not.toBe(ValidationCache.key('s', 'id', first.body));
    const edited = await load(deployment('4'));
    expect(ValidationCache.key('s', 'id', edited.body)).not.toBe(ValidationCache.key('s', 'id', first.body));
    // named by file and place, not hashed: the same text in another file is another entry
    const copy = await load(deployment('3'), 'copy.yaml');
    expect(copy.body).toEqual(first.body);
    expect(ValidationCache.key('s', 'id', copy.body)).not.toBe(ValidationCache.key('s', 'id', first.body));
  });

  it('is written by lint() into the --cache folder, beside the parsed files', async () => {
    const location = path.join(tmp, 'lint');
    const options: LintOptions = { inline: tree(texts), cache: { location, toolVersion: 'test' } };
    const first = await lint([], options);
    expect(existsSync(path.join(location, 'schema-results.bin'))).toBe(true);
    expect((await lint([], options)).findings).toEqual(first.findings);
  });
});

describe('validateObject', () => {
  it('returns the issues schema-violation reports for one object, given the CRDs of the input', () => {
    const { objects } = loadInputs([], { inline: tree({ 'app.yaml': deployment('"three"'), 'crd.yaml': crd, 'widget.yaml': widget('0') }) });
    const [app, crdObject, cr] = objects;
    // the repeated container port is left to duplicate-container-port; the repeated env name is reported
    expect(validateObject(app).map((i) => i.message)).toEqual([
      'spec.replicas must be an integer, found "three"',
      expect.stringContaining('unknown field "imagePullPolice"'),
      expect.stringContaining('env[1] repeats the key name="A"'),
    ]);
    // Kubernetes 1.23 did not declare env a list keyed by name
    expect(validateObject(app, { kubernetesVersion: '1.23' })).toEqual(validateObject(app).slice(0, 2));
    expect(validateObject(cr)).toEqual([]);
    expect(validateObject(cr, { crds: [crdObject] }).map((i) => i.path.join('.'))).toEqual(['spec.size', 'spec.color']);
  });

  it('remembers an object\'s issues while the object, the settings and its schema stay the same (the language server lints kept objects again)', () => {
    const { objects } = loadInputs([], { inline: tree({ 'app.yaml': deployment('"three"'), 'crd.yaml': crd, 'widget.yaml': widget('0') }) });
    const [app, crdObject, cr] = objects;
    const first = validateObject(app);
    expect(validateObject(app)).toBe(first);
    expect(validateObject(app, { kubernetesVersion: '1.23' })).not.toBe(first);
    expect(validateObject(cr, { crds: [crdObject] })).toHaveLength(2);
    const widened = loadInputs([], { inline: tree({ 'crd.yaml': crd.replace('enum: [red, blue]', 'enum: [red, blue, green]') }) }).objects[0];
    expect(validateObject(cr, { crds: [widened] }).map((i) => i.path.join('.'))).toEqual(['spec.size']);
    // an object loaded again from the same text is validated again (it is another body)
    const [again] = loadInputs([], { inline: tree({ 'app.yaml': deployment('"three"') }) }).objects;
    expect(validateObject(again)).not.toBe(first);
    expect(validateObject(again)).toEqual(first);
  });
});
