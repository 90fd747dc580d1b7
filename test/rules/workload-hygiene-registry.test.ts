import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { OPS_RULE_PRESETS as PRESETS, OPS_RULES } from '../helpers/workload-hygiene-rules.js';

describe('workload hygiene rules: registry', () => {
  it.each(OPS_RULES)('%s is registered in its preset, with docs and examples', (id) => {
    const rule = RULES.find((r) => r.id === id);
    expect(rule, `rule ${id} is not in rules/index.ts`).toBeDefined();
    expect(rule?.presets).toEqual([PRESETS[id]]);
    expect(rule?.docs.bad && rule.docs.good && rule.docs.why && rule.docs.fix).toBeTruthy();
    // Options a team can tune come with defaults for every property.
    const properties = Object.keys((rule?.options?.properties ?? {}) as Record<string, unknown>);
    expect(Object.keys(rule?.defaultOptions ?? {}).sort()).toEqual(properties.sort());
  });
});
