import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/rule.js';
import { INTERNAL_ERROR_RULE, runRules } from '../../src/engine/run.js';
import { buildGraph } from '../../src/graph/build.js';
import { loadInputs, ObjectSet } from '../../src/load/index.js';

const text = ['a', 'boom', 'c'].map((name) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: x}\n`).join('---\n');

function run(check: (objects: ObjectSet, report: (name: string) => void) => void) {
  const loaded = loadInputs([], { inline: [{ file: 'in.yaml', text }] });
  const objects = new ObjectSet(loaded.objects);
  const rule = defineRule({
    id: 'fragile', family: 'hygiene', severity: 'warning', presets: [], description: 'test rule', docs: { why: '', fix: '' }, messages: { saw: 'saw {{name}}' },
    check: ({ objects: set, report }) => check(set, (name) => report(set.all.find((o) => o.name === name)!, 'metadata.name', 'saw', { name })),
  });
  const other = defineRule({
    id: 'steady', family: 'hygiene', severity: 'info', presets: [], description: 'test rule', docs: { why: '', fix: '' }, messages: { ok: 'ok' },
    check: ({ objects: set, report }) => { for (const o of set) report(o, 'metadata', 'ok'); },
  });
  return runRules({ objects, graph: buildGraph(objects), problems: [], rules: [rule, other].map((r) => ({ rule: r, severity: r.severity, options: {} })) });
}

describe('a rule that throws on one object', () => {
  it('gives an internal-error finding naming rule and object; the rule still checks the other objects, and other rules run', () => {
    const findings = run((objects, report) => {
      for (const o of objects) {
        if (o.name === 'boom') throw new Error('cannot read x of undefined');
        report(o.name);
      }
    });
    const failures = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE);
    expect(failures).toEqual([expect.objectContaining({ severity: 'error', file: 'in.yaml', line: 5, object: expect.objectContaining({ name: 'boom' }), message: expect.stringMatching(/rule fragile failed on ConfigMap "boom": cannot read x of undefined/) })]);
    expect(findings.filter((f) => f.ruleId === 'fragile').map((f) => f.message)).toEqual(['saw a', 'saw c']);
    expect(findings.filter((f) => f.ruleId === 'steady')).toHaveLength(3);
  });

  it('a rule that fails whatever it checks gives one internal-error finding, and the other rules still run', () => {
    const findings = run(() => { throw new TypeError('always'); });
    expect(findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE).map((f) => f.message)).toEqual([expect.stringContaining('rule fragile failed: always')]);
    expect(findings.filter((f) => f.ruleId === 'steady')).toHaveLength(3);
  });
});
