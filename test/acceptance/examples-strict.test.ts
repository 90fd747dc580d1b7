import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * Issue 3 acceptance after the merge: `kubeknit lint --preset strict examples/` shows the 3 deliberate
 * mistakes plus only hygiene findings a reviewer agrees with. Each rule's findings are listed with why
 * they are right for this small shop; a new finding here is either a misfiring rule or a new mistake.
 */
const EXPECTED_STRICT: Record<string, { objects: string[]; reason: string }> = {
  // The deliberate mistakes (commented in examples/shop).
  'volume-mount-missing-volume': { objects: ['StatefulSet/db'], reason: 'mounts "backups", which the Pod does not define' },
  'dangling-service-selector': { objects: ['Service/db-read'], reason: 'selects app.kubernetes.io/name=database; the Pods say db' },
  'duplicate-container-port': { objects: ['Deployment/web'], reason: 'the metrics sidecar declares 8080 again' },
  // Strict hygiene, true of the examples as written:
  'single-replica': { objects: ['StatefulSet/db'], reason: 'one Postgres replica: a node drain takes the database down' },
  'missing-network-policy': { objects: ['CronJob/thumbnails', 'Deployment/web', 'StatefulSet/db'], reason: 'namespace shop has no NetworkPolicy' },
  'automount-service-account-token': { objects: ['CronJob/thumbnails', 'Deployment/web', 'StatefulSet/db'], reason: 'none of them calls the API, yet each gets a token' },
  'default-service-account': { objects: ['CronJob/thumbnails', 'StatefulSet/db'], reason: 'only web has its own ServiceAccount' },
  'missing-liveness-probe': { objects: ['Deployment/web', 'Deployment/web', 'StatefulSet/db'], reason: 'web, metrics and postgres have readiness probes only' },
  'drop-net-raw': { objects: ['CronJob/thumbnails', 'Deployment/web', 'Deployment/web', 'StatefulSet/db'], reason: 'no container drops capabilities' },
  'writable-root-filesystem': { objects: ['CronJob/thumbnails', 'Deployment/web', 'Deployment/web', 'StatefulSet/db'], reason: 'no container sets readOnlyRootFilesystem' },
  'missing-anti-affinity': { objects: ['Deployment/web'], reason: '3 replicas with no anti-affinity or spread constraint' },
  'missing-pdb': { objects: ['Deployment/web'], reason: '3 replicas and no PodDisruptionBudget' },
  'missing-seccomp-profile': { objects: ['CronJob/thumbnails', 'Deployment/web', 'Deployment/web', 'StatefulSet/db'], reason: 'no container or Pod sets a seccompProfile: they run Unconfined' },
  'missing-ephemeral-storage-limits': { objects: ['CronJob/thumbnails', 'Deployment/web', 'Deployment/web', 'StatefulSet/db'], reason: 'limits name no ephemeral-storage: logs and scratch files can fill the node' },
};

describe('examples/ with the strict preset', async () => {
  const result = await lint([path.join(REPO_ROOT, 'examples')], { preset: 'strict' });

  it('reports exactly the listed findings: the 3 deliberate errors and warnings a reviewer agrees with', () => {
    const byRule: Record<string, string[]> = {};
    for (const f of result.findings) (byRule[f.ruleId] ??= []).push(`${f.object?.kind}/${f.object?.name}`);
    for (const list of Object.values(byRule)) list.sort();
    expect(byRule).toEqual(Object.fromEntries(Object.entries(EXPECTED_STRICT).map(([id, { objects }]) => [id, objects])));
    expect(result.summary.errors).toBe(3);
  });
});
