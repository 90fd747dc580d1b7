import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { OPS_RULES } from '../helpers/workload-hygiene-rules.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';


describe.skipIf(!hasShared)(`workload hygiene rules on microservices-demo ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  let strict: Finding[] = [];
  let recommended: Finding[] = [];
  beforeAll(async () => {
    const file = sharedPath('corpora/microservices-demo/release/kubernetes-manifests.yaml');
    const only = (findings: Finding[]) => findings.filter((f) => OPS_RULES.includes(f.ruleId));
    recommended = only((await lint([file], { preset: 'recommended' })).findings);
    strict = only((await lint([file], { preset: 'strict' })).findings);
  });

  it('recommended: nothing to report (no secret literals, no duplicate env, valid restart policies, no cluster-admin)', () => {
    expect(recommended.map((f) => `${f.ruleId} ${f.line} ${f.message}`)).toEqual([]);
  });

  it('strict: only findings a reviewer agrees with', () => {
    const byRule: Record<string, string[]> = {};
    for (const f of strict) (byRule[f.ruleId] ??= []).push(`${f.object?.kind}/${f.object?.name}`);
    // All 35 objects omit metadata.namespace (the demo is applied with kubectl -n).
    expect(byRule['missing-namespace']).toHaveLength(35);
    // Every Deployment runs 1 replica (the demo favours a small footprint).
    expect(byRule['single-replica']).toHaveLength(12);
    // The release has no NetworkPolicy (they live in an optional kustomize component).
    expect(byRule['missing-network-policy']).toHaveLength(12);
    // No Pod spec or ServiceAccount sets automountServiceAccountToken: false, yet none calls the API.
    expect(byRule['automount-service-account-token']).toHaveLength(12);
    // redis-cart is the one Deployment without its own ServiceAccount.
    expect(byRule['default-service-account']).toEqual(['Deployment/redis-cart']);
    // Single replicas: no PDB, anti-affinity or autoscaler findings are due.
    expect(Object.keys(byRule).sort()).toEqual(['automount-service-account-token', 'default-service-account', 'missing-namespace', 'missing-network-policy', 'single-replica']);
  });
});
