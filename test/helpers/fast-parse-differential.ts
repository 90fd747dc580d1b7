import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect, it } from 'vitest';
import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import { KUBERNETES_YAML_OPTIONS } from '../../src/load/yaml-options.js';
import { fastDocumentPositions, fastParseDocuments, isSkipped, locateInPositions, readDocuments, type FastDocument } from '../../src/load/fast-parse.js';
import { locatePath } from '../../src/load/locate.js';
import { parseStream, parseManifestTextFully, type ParsedFile } from '../../src/load/parse.js';

/**
 * The fast reader must give exactly what yaml's document model gives (values, key order, node
 * ranges, document count) whenever it accepts a text, and accept nothing yaml reports an error on.
 */
export function differences(text: string): string[] {
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
export function readFastAsYaml(text: string): FastDocument[] {
  const docs = fastParseDocuments(text);
  expect(docs, 'read the fast way').not.toBeNull();
  expect(differences(text)).toEqual([]);
  return docs!;
}

/** Every path to a value (and one missing field below each mapping), to compare field locations. */
export function fieldPaths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
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
export function expectSameAsFullParse(text: string, name: string): void {
  const source = text.replace(/^\ufeff/, '');
  expect(summary(parseStream(name, text)), name).toEqual(summary(parseManifestTextFully(name, source)));
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f));
}

const texts = new Map<string, string>();
/** A file's text without its byte-order mark, read once per test file. */
export function read(file: string): string {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readFileSync(file, 'utf8').replace(/^\ufeff/, '')));
  return text;
}

/** JSON as `JSON.stringify` writes it (what `kubectl get -o json` and generators produce), in its three layouts. */
const JSON_LAYOUTS = [(v: unknown) => JSON.stringify(v, null, 2), (v: unknown) => JSON.stringify(v), (v: unknown) => `${JSON.stringify(v, null, '\t')}\n`];

/**
 * The corpus-wide differential: every YAML file under `dirs` (and every JSON file under them)
 * read the fast way and by yaml, as LF, CRLF and JSON text, file by file and as one stream.
 * `npm test` runs it on the examples and test/fixtures (a vendored corpus included), writing each
 * document as JSON in one layout, in turn; `npm run test:full` runs it on the whole corpora beside the
 * checkout, every document in every layout (`everyJsonLayout`).
 */
export function corpusDifferential(dirs: readonly string[], { everyJsonLayout = false } = {}): void {
  const manifestFiles = () => dirs.flatMap(yamlFiles);
  it('on every file, and reads most of them', () => {
    const files = manifestFiles();
    let accepted = 0;
    for (const file of files) {
      expect(differences(read(file)), file).toEqual([]);
      if (fastParseDocuments(read(file))) accepted++;
    }
    expect(accepted / files.length).toBeGreaterThan(0.8);
  });

  it('with CRLF line ends', () => {
    for (const file of manifestFiles()) {
      const lf = read(file).replace(/\r\n/g, '\n');
      const crlf = lf.replace(/\n/g, '\r\n');
      expect(differences(crlf), file).toEqual([]);
      expect(fastParseDocuments(crlf) === null, `${file}: read the fast way with LF line ends, but not with CRLF`).toBe(fastParseDocuments(lf) === null);
    }
  });

  it('on JSON: the JSON files, and every document written as JSON', () => {
    const jsonFiles = dirs.flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)));
    for (const file of jsonFiles) expect(differences(read(file)), file).toEqual([]);
    let written = 0;
    let accepted = 0;
    for (const file of manifestFiles()) {
      const docs = parseAllDocuments(read(file), KUBERNETES_YAML_OPTIONS);
      for (const doc of Array.isArray(docs) ? docs : []) {
        const value = doc.errors.length ? undefined : (doc.toJS() as unknown);
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
        const layouts = everyJsonLayout ? JSON_LAYOUTS : [JSON_LAYOUTS[written % JSON_LAYOUTS.length]];
        for (const json of layouts.map((layout) => layout(value))) {
          written++;
          expect(differences(json), `${file} as JSON`).toEqual([]);
          if (fastParseDocuments(json)) accepted++;
        }
      }
    }
    // JSON indented with tabs goes the full way (a tab between tokens); the rest is read the fast way.
    expect(accepted).toBeGreaterThanOrEqual(Math.floor((written * 2) / 3));
  });

  it('parses each file into the same objects, problems and field locations as the whole file parsed by yaml', () => {
    for (const file of manifestFiles()) expectSameAsFullParse(readFileSync(file, 'utf8'), file);
  });

  it('parses a stream of all the files (without syntax errors) as yaml does, reading most documents the fast way', () => {
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
}
