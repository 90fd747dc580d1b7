import { describe, expect, it } from 'vitest';
import { findRule, lint } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

/** The workload hygiene and security rules of issue 6: ids and presets are a contract. */
const RECOMMENDED = [
  'latest-tag', 'missing-resource-requests', 'requests-exceed-limits', 'missing-readiness-probe',
  'privileged-container', 'privilege-escalation-allowed', 'run-as-root', 'dangerous-capabilities',
  'host-namespaces', 'docker-socket-mount',
];
const STRICT = [
  'image-registry-allowlist', 'missing-resource-limits', 'missing-liveness-probe', 'identical-probes',
  'writable-root-filesystem', 'drop-net-raw', 'unsafe-sysctls', 'unsafe-proc-mount', 'privileged-ports',
];

describe('workload hygiene and security rules', () => {
  it.each([...RECOMMENDED.map((id) => [id, 'recommended']), ...STRICT.map((id) => [id, 'strict'])])('%s is registered in the %s preset, with docs', (id, preset) => {
    const rule = findRule(id);
    expect(rule, `rule ${id}`).toBeDefined();
    expect(rule!.presets).toEqual([preset]);
    expect(['hygiene', 'security']).toContain(rule!.family);
    expect(rule!.docs.why.length).toBeGreaterThan(40);
    expect(rule!.docs.bad && rule!.docs.good).toBeTruthy();
    // Every option a team can set has a default.
    const properties = Object.keys((rule!.options?.properties as Record<string, unknown> | undefined) ?? {});
    expect(Object.keys(rule!.defaultOptions ?? {}).sort()).toEqual(properties.sort());
  });
});

// microservices-demo sets a proper securityContext, requests, limits and probes on every container.
describe.skipIf(!hasShared)(`microservices-demo release manifests${hasShared ? '' : ` — ${SHARED_SKIP_REASON}`}`, () => {
  const ours = new Set([...RECOMMENDED, ...STRICT]);
  const run = (preset: 'recommended' | 'strict') => lint([sharedPath('corpora', 'microservices-demo', 'release')], { preset });

  it('recommended: none of these rules fires', async () => {
    const { findings } = await run('recommended');
    expect(findings.filter((f) => ours.has(f.ruleId))).toEqual([]);
  });

  it('strict: only findings a reviewer would agree with', async () => {
    const { findings } = await run('strict');
    const got = findings.filter((f) => ours.has(f.ruleId)).map((f) => `${f.ruleId} ${f.object?.name}`).sort();
    expect(got).toEqual([
      // Liveness and readiness are the same check with the same timing: an overloaded server is restarted.
      ...['adservice', 'cartservice', 'checkoutservice', 'currencyservice', 'emailservice', 'paymentservice', 'productcatalogservice', 'recommendationservice', 'redis-cart'].map((name) => `identical-probes ${name}`),
      // The load generator has no probe at all; a hung generator is never restarted.
      'missing-liveness-probe loadgenerator',
    ]);
  });
});
