import { describe, expect, it } from 'vitest';
import { findRule } from '../../src/index.js';
import { runRule } from '../helpers/rule-tester.js';

/** The docs examples of the API-server parity rules: `bad` is reported, `good` is silent. */
const RULE_IDS = ['invalid-pod-spec', 'invalid-job-spec', 'invalid-rbac-binding', 'invalid-hpa-target', 'invalid-service-spec', 'invalid-crd-schema'];

describe('API-server parity rules: docs examples', () => {
  it.each(RULE_IDS)('%s', async (id) => {
    const rule = findRule(id)!;
    expect((await runRule(id, rule.docs.bad!)).map((f) => f.severity)).not.toEqual([]);
    expect(await runRule(id, rule.docs.good!)).toEqual([]);
    expect(rule.severity).toBe('error');
  });
});
