import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

/** The selector and reference rules of issue 3 (this branch). */
const RELATIONSHIP_RULES = [
  'dangling-service-selector', 'workload-selector-mismatch', 'overlapping-workload-selectors', 'dangling-ingress-backend',
  'dangling-networkpolicy-selector', 'dangling-pdb-selector', 'dangling-hpa-target', 'missing-service-account',
  'missing-configmap', 'missing-secret', 'missing-configmap-key', 'missing-secret-key', 'statefulset-missing-service',
  'dangling-role-binding', 'dangling-service-reference', 'orphan-object',
];

async function findingsOf(file: string, ruleIds: readonly string[]): Promise<Finding[]> {
  const result = await lint([file], { preset: 'all' });
  return result.findings.filter((f) => ruleIds.includes(f.ruleId));
}

describe.skipIf(!hasShared)(`microservices-demo deploys cleanly: no relationship finding ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('release/kubernetes-manifests.yaml', async () => {
    const file = sharedPath('corpora/microservices-demo/release/kubernetes-manifests.yaml');
    const result = await lint([file], { preset: 'all' });
    expect(result.summary.objects).toBe(35);
    expect(result.findings.filter((f) => RELATIONSHIP_RULES.includes(f.ruleId))).toEqual([]);
    // The graph sees the application: every frontend dependency is a `connects` edge.
    const connects = result.graph.edges().filter((e) => e.type === 'connects' && e.from === 'Deployment/default/frontend#Pod');
    expect(connects.length).toBeGreaterThanOrEqual(6);
  });
});

interface KubeLinterCase {
  check: string;
  fixture: string;
  rule: string;
  /** Keep only our findings at these paths (when one kube-linter check is a part of our rule). */
  path?: RegExp;
}

const CASES: KubeLinterCase[] = [
  { check: 'dangling-service', fixture: 'dangling-service.yml', rule: 'dangling-service-selector' },
  { check: 'dangling-ingress', fixture: 'dangling-ingress.yml', rule: 'dangling-ingress-backend' },
  { check: 'dangling-horizontalpodautoscaler', fixture: 'dangling-hpa.yml', rule: 'dangling-hpa-target' },
  { check: 'dangling-networkpolicy', fixture: 'dangling-networkpolicy.yml', rule: 'dangling-networkpolicy-selector' },
  { check: 'dangling-networkpolicypeer-podselector', fixture: 'dangling-networkpolicypeer-podselector.yml', rule: 'dangling-networkpolicy-selector', path: /\.(from|to)\[/ },
  { check: 'mismatching-selector', fixture: 'mismatching-selector.yml', rule: 'workload-selector-mismatch' },
  { check: 'non-existent-service-account', fixture: 'non-existent-service-account.yml', rule: 'missing-service-account' },
];

interface BatsExpectation {
  test: string;
  expected_count: number;
  expected_messages: string[];
}

describe.skipIf(!hasShared)(`kube-linter fixtures: we flag what kube-linter flags, and no dont-fire object ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  const bats = hasShared ? (JSON.parse(readFileSync(sharedPath('corpora/kube-linter/bats-expectations.json'), 'utf8')) as BatsExpectation[]) : [];
  for (const c of CASES) {
    it(`${c.check} → ${c.rule}`, async () => {
      const expected = bats.find((b) => b.test === c.check);
      expect(expected, `no bats expectation for ${c.check}`).toBeDefined();
      const findings = (await findingsOf(sharedPath('corpora/kube-linter/tests/checks', c.fixture), [c.rule])).filter((f) => !c.path || c.path.test(f.path ?? ''));
      expect(findings.filter((f) => f.object?.name.startsWith('dont-fire'))).toEqual([]);
      // kube-linter reports "<Kind>: message" once per flagged object.
      const wantKinds = expected!.expected_messages.map((m) => m.split(':')[0]).sort();
      const flagged = new Map(findings.map((f) => [`${f.object?.kind}/${f.object?.name}`, f.object?.kind ?? '']));
      expect([...flagged.values()].sort()).toEqual(wantKinds);
      expect(flagged.size).toBe(expected!.expected_count);
    });
  }
});
