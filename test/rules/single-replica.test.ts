import { describe, expect, it } from 'vitest';
import { dontFire, flaggedObjects, kindsOf, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const workload = (kind: string, replicas: string) => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: web}
  spec:
    ${replicas}
    selector: {matchLabels: {app: web}}
`;

const hpa = '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 5\n';

ruleTester('single-replica', {
  valid: [
    { name: 'two replicas', yaml: workload('Deployment', 'replicas: 2') },
    { name: 'scaled to zero on purpose', yaml: workload('StatefulSet', 'replicas: 0') },
    { name: 'an autoscaler owns the count', yaml: workload('Deployment', 'minReadySeconds: 5') + hpa },
    { name: 'DaemonSet (one per node)', yaml: workload('DaemonSet', 'minReadySeconds: 5') },
  ],
  invalid: [
    { name: 'replicas: 1', yaml: workload('Deployment', 'replicas: 1'), findings: [{ line: 5, column: 3, message: 'Deployment "web" runs 1 replica;' }] },
    { name: 'replicas omitted (points at spec)', yaml: workload('StatefulSet', 'minReadySeconds: 5'), findings: [{ line: 4, message: 'sets no spec.replicas, so it runs 1 replica' }] },
    { name: 'minReplicas option', yaml: workload('Deployment', 'replicas: 2'), options: { minReplicas: 3 }, findings: [{ line: 5, message: 'runs 2 replicas; fewer than 3' }] },
  ],
});

describe.skipIf(!hasShared)(`single-replica: parity with kube-linter minimum-three-replicas ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('with minReplicas: 3 flags the same Deployment; DeploymentConfig (OpenShift) is not a kind kubeknit lints', async () => {
    const { objects } = await flaggedObjects('single-replica', kubeLinterFixture('minimum-three-replicas.yml'), { minReplicas: 3 });
    expect(objects).toEqual(['Deployment/app']);
    expect(kubeLinterFlaggedKinds('minimum-three-replicas').filter((k) => k !== 'DeploymentConfig')).toEqual(kindsOf(objects));
    expect(dontFire(objects)).toEqual([]);
  });
});
