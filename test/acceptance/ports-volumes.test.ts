/**
 * Acceptance of the ports and volumes rules on real manifests and on kube-linter's fixtures
 * (../shared, skipped where absent).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isMap, parseAllDocuments, stringify } from 'yaml';
import { lint, RULES, type Finding } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

const PORT_AND_VOLUME_RULES = [
  'service-target-port-mismatch', 'host-port-clash', 'node-port-clash', 'duplicate-service-port', 'probe-port-mismatch', 'duplicate-container-port',
  'volume-mount-missing-volume', 'unused-volume', 'duplicate-mount-path', 'missing-pvc', 'missing-storage-class', 'pvc-unbindable', 'pv-claim-mismatch',
  'rwo-volume-shared', 'sensitive-host-path', 'local-pv-missing-node-affinity', 'local-storage-immediate-binding',
];

/** Lints texts with only the given rules on, every one of them at its default severity and options. */
async function lintWith(ruleIds: readonly string[], file: string, text: string): Promise<Finding[]> {
  const rules = Object.fromEntries(RULES.map((r) => [r.id, ruleIds.includes(r.id) ? r.severity : 'off' as const]));
  return (await lint([], { preset: 'all', rules, inline: [{ file, text }] })).findings;
}

describe.skipIf(!hasShared)(`ports and volumes rules on shared corpora ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('every rule of the family exists', () => {
    for (const id of PORT_AND_VOLUME_RULES) expect(RULES.map((r) => r.id)).toContain(id);
  });

  it('microservices-demo (deploys cleanly) gets no finding from any ports or volumes rule', async () => {
    const file = sharedPath('corpora/microservices-demo/release/kubernetes-manifests.yaml');
    const findings = await lintWith(PORT_AND_VOLUME_RULES, file, readFileSync(file, 'utf8'));
    expect(findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([]);
  });

  describe('kube-linter fixtures: we flag what kube-linter flags, and nothing named dont-fire*', () => {
    interface Expectation { test: string; expected_count: number; expected_messages: string[] }
    let expectations: Expectation[] = [];
    beforeAll(() => {
      expectations = JSON.parse(readFileSync(sharedPath('corpora/kube-linter/bats-expectations.json'), 'utf8')) as Expectation[];
    });
    const expected = (test: string) => {
      const entry = expectations.find((e) => e.test === test);
      if (!entry) throw new Error(`no expectation for ${test}`);
      expect(entry.expected_messages).toHaveLength(entry.expected_count);
      return entry.expected_messages.map((m) => ({ kind: m.slice(0, m.indexOf(':')), container: /container "([^"]+)"/.exec(m)?.[1] }));
    };

    /**
     * kube-linter's probe fixtures leave out metadata.name, which the API server (and our loader,
     * as invalid-object) refuses; we name each object after its kind and position so that the
     * rule under test sees them.
     */
    const namedFixture = (fixture: string) => parseAllDocuments(readFileSync(sharedPath('corpora/kube-linter/tests/checks', fixture), 'utf8'))
      .filter((doc) => isMap(doc.contents)) // a trailing `---` leaves an empty document
      .map((doc, i) => {
        const body = doc.toJS() as Record<string, unknown>;
        const metadata = (body.metadata ?? {}) as Record<string, unknown>;
        if (metadata.name === undefined) body.metadata = { ...metadata, name: `${String(body.kind).toLowerCase()}-${i}` };
        return stringify(body);
      })
      .join('---\n');

    it.each([
      ['liveness-port', 'liveness-port.yml'],
      ['readiness-port', 'readiness-port.yml'],
      ['startup-port', 'startup-port.yml'],
    ])('%s → probe-port-mismatch flags the same containers', async (test, fixture) => {
      const findings = await lintWith(['probe-port-mismatch'], fixture, namedFixture(fixture));
      const flagged = findings.map((f) => ({ kind: f.object?.kind, container: /container "([^"]+)"/.exec(f.message)?.[1] }));
      expect(flagged.map((f) => f.container)).not.toContainEqual(expect.stringMatching(/^dont-fire/));
      const sortKey = (a: { kind?: string; container?: string }) => `${a.kind}/${a.container}`;
      expect(flagged.map(sortKey).sort()).toEqual(expected(test).map(sortKey).sort());
      // Our severities: a named port the container lacks is an error, an undeclared number a warning.
      for (const f of findings) expect(f.severity).toBe(/uses port \d+/.test(f.message) ? 'warning' : 'error');
    });

    // The Service's bad targetPorts are service-target-port-mismatch's; the Deployment's bad container
    // port names are invalid-pod-spec's (the API server rejects them, whatever a Service targets).
    it('invalid-target-ports → service-target-port-mismatch and invalid-pod-spec flag the Service and the Deployment as often', async () => {
      const fixture = 'invalid-target-ports.yaml';
      const all = await lintWith(['service-target-port-mismatch', 'invalid-pod-spec'], fixture, readFileSync(sharedPath('corpora/kube-linter/tests/checks', fixture), 'utf8'));
      // invalid-pod-spec also (rightly) flags the fixture's containers without an image: not this check's.
      const findings = all.filter((f) => f.ruleId === 'service-target-port-mismatch' || f.messageId === 'portName');
      expect(findings.map((f) => f.object?.name)).toEqual(findings.map(() => 'invalid-target-ports'));
      expect(findings.map((f) => `${f.object?.kind}:${f.ruleId}`).sort()).toEqual(
        expected('invalid-target-ports').map((e) => `${e.kind}:${e.kind === 'Service' ? 'service-target-port-mismatch' : 'invalid-pod-spec'}`).sort(),
      );
      expect(findings.map((f) => f.message).join('\n')).toMatch(/123456[\s\S]*n234567890123456/);
    });

    it('sensitive-host-mounts → sensitive-host-path flags the same objects, DeploymentConfig (OpenShift) included', async () => {
      const fixture = 'sensitive-host-mounts.yml';
      const findings = await lintWith(['sensitive-host-path'], fixture, readFileSync(sharedPath('corpora/kube-linter/tests/checks', fixture), 'utf8'));
      const kinds = expected('sensitive-host-mounts').map((e) => e.kind);
      expect(kinds).toContain('DeploymentConfig');
      expect(findings.map((f) => f.object?.kind).sort()).toEqual([...kinds].sort());
      expect(findings[0].message).toContain('/etc');
    });
  });
});
