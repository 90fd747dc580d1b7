import { describe, expect, it } from 'vitest';
import { createBaseline, matchBaseline, parseBaseline, serializeBaseline } from '../../src/pr/baseline.js';
import { findingFingerprint } from '../../src/pr/fingerprint.js';
import type { Finding } from '../../src/types.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'run-as-root', severity: 'warning', message: 'container "web" runs as user 0 (line 12)', file: 'deploy/web.yaml',
  line: 12, column: 3, endLine: 12, endColumn: 9, path: 'spec.template.spec.containers[0]',
  object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' }, ...over,
});

describe('baseline fingerprints', () => {
  it('ignore lines, columns, the file and numbers in the message; not the rule, object or field', () => {
    const print = findingFingerprint(finding(), '/repo');
    expect(findingFingerprint(finding({ line: 40, endLine: 40, column: 7, file: 'other/place.yaml', message: 'container "web" runs as user 0 (line 40)' }), '/repo')).toBe(print);
    expect(findingFingerprint(finding({ ruleId: 'privileged-container' }), '/repo')).not.toBe(print);
    expect(findingFingerprint(finding({ object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'api' } }), '/repo')).not.toBe(print);
    expect(findingFingerprint(finding({ path: 'spec.template.spec.containers[1]' }), '/repo')).not.toBe(print);
  });

  it('a finding on no object is told apart by its file', () => {
    const a = finding({ object: null, file: '/repo/a.yaml', ruleId: 'invalid-yaml' });
    expect(findingFingerprint(a, '/repo')).not.toBe(findingFingerprint({ ...a, file: '/repo/b.yaml' }, '/repo'));
  });

  it('an entry absorbs as many findings as its count; the rest are new, and leftovers are unused', () => {
    const baseline = createBaseline([finding(), finding({ line: 30 })], '/repo');
    expect(baseline.entries).toHaveLength(1);
    expect(baseline.entries[0].count).toBe(2);
    const read = parseBaseline(serializeBaseline(baseline), 'b.json');
    expect(read).toEqual(baseline);
    const three = matchBaseline([finding(), finding(), finding()], read, '/repo');
    expect([three.fresh.length, three.baselined.length, three.unused.length]).toEqual([1, 2, 0]);
    const one = matchBaseline([finding()], read, '/repo');
    expect(one.unused).toEqual([expect.objectContaining({ ruleId: 'run-as-root', count: 1 })]);
  });

  it('the file is sorted and one entry per line', () => {
    const text = serializeBaseline(createBaseline([finding({ ruleId: 'z-rule' }), finding({ ruleId: 'a-rule' })], '/repo'));
    const lines = text.split('\n').filter((l) => l.includes('"ruleId"'));
    expect(lines.map((l) => JSON.parse(l.replace(/,$/, '')).ruleId)).toEqual(['a-rule', 'z-rule']);
  });
});
