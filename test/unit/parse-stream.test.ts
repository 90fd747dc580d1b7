import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { parseStream } from '../../src/load/index.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples/shop');
const saved = process.env.KUBEKNIT_FAST_PARSE;

afterEach(() => {
  if (saved === undefined) delete process.env.KUBEKNIT_FAST_PARSE;
  else process.env.KUBEKNIT_FAST_PARSE = saved;
});

describe('parseStream and KUBEKNIT_FAST_PARSE', () => {
  const text = readFileSync(path.join(EXAMPLES, 'web.yaml'), 'utf8');

  it('reads the common case the fast way (it keeps node positions from the read)', () => {
    delete process.env.KUBEKNIT_FAST_PARSE;
    expect(parseStream('web.yaml', text).positions?.some((p) => p !== null)).toBe(true);
  });

  it('leaves every file to yaml when KUBEKNIT_FAST_PARSE=0, with the same objects and problems', () => {
    delete process.env.KUBEKNIT_FAST_PARSE;
    const fast = parseStream('web.yaml', text);
    process.env.KUBEKNIT_FAST_PARSE = '0';
    const full = parseStream('web.yaml', text);
    expect(full.positions).toBeUndefined();
    expect(full.objects.map((o) => [o.id, o.source.range])).toEqual(fast.objects.map((o) => [o.id, o.source.range]));
    expect(full.problems).toEqual(fast.problems);
  });

  it('gives the same findings, at the same places, either way', async () => {
    const files = readdirSync(EXAMPLES).map((f) => path.join(EXAMPLES, f));
    const run = async () => (await lint(files, { jobs: 1 })).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);
    delete process.env.KUBEKNIT_FAST_PARSE;
    const fast = await run();
    process.env.KUBEKNIT_FAST_PARSE = '0';
    const full = await run();
    expect(fast.length).toBeGreaterThan(0);
    expect(full).toEqual(fast);
  });
});
