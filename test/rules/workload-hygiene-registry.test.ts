import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';

// Which preset each rule is in is pinned by docs/rules.md (generated, checked by test/docs/rules-md.test.ts)
// and by what the presets report on real manifests (test/rules/workload-rules-catalogue.test.ts).
const TUNABLE_FAMILIES = new Set(['hygiene', 'security', 'availability', 'rbac']);

describe('hygiene, security, availability and RBAC rules', () => {
  it.each(RULES.filter((r) => TUNABLE_FAMILIES.has(r.family)).map((r) => [r.id, r] as const))('%s gives a default for every option a team can set', (_id, rule) => {
    const properties = Object.keys((rule.options?.properties as Record<string, unknown> | undefined) ?? {});
    expect(Object.keys(rule.defaultOptions ?? {}).sort()).toEqual(properties.sort());
  });
});
