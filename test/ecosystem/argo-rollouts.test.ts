import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

describe.skipIf(!hasShared)(hasShared ? 'argo-rollouts examples' : `argo-rollouts examples (${SHARED_SKIP_REASON})`, () => {
  it('every canary/stable/active/preview Service and workloadRef resolves; analysis templates resolve across files', async () => {
    const result = await lint([sharedPath('corpora/argo-rollouts-examples/examples')], { preset: 'all' });
    const serviceEdges = result.graph.edges().filter((e) => e.from.startsWith('Rollout/') && /Service$/.test(e.path));
    expect(serviceEdges.length).toBeGreaterThanOrEqual(10);
    for (const edge of serviceEdges) expect(result.graph.node(edge.to)?.missing, `${edge.from} -> ${edge.to}`).toBe(false);
    expect(result.graph.outEdges('Rollout/default/rollout-ref-deployment', 'references').map((e) => `${e.to} @ ${e.path}`)).toContain('Deployment/default/rollout-ref-deployment @ spec.workloadRef');
    const findings = result.findings.filter((f) => f.ruleId === 'dangling-rollout-reference').map((f) => `${f.file.split('/examples/')[1]}: ${f.message}`);
    expect(findings.filter((f) => / names Service /.test(f))).toEqual([]);
    expect(findings).toEqual([]);
  });
});
