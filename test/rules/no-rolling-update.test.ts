import { describe, expect, it } from 'vitest';
import { flaggedObjects, kindsOf, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const workload = (kind: string, strategy: string) => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: db}
  spec:
    ${strategy}
    selector: {matchLabels: {app: db}}
`;

ruleTester('no-rolling-update', {
  valid: [
    { name: 'strategy omitted (RollingUpdate by default)', yaml: workload('Deployment', 'replicas: 2') },
    { name: 'RollingUpdate', yaml: workload('StatefulSet', 'updateStrategy: {type: RollingUpdate}') },
    { name: 'Recreate allowed by option', yaml: workload('Deployment', 'strategy: {type: Recreate}'), options: { allowStrategies: ['Recreate'] } },
  ],
  invalid: [
    { name: 'Recreate', yaml: workload('Deployment', 'strategy: {type: Recreate}'), findings: [{ line: 5, column: 14, message: 'strategy.type Recreate, not RollingUpdate: every rollout stops all Pods first' }] },
    { name: 'DaemonSet OnDelete', yaml: workload('DaemonSet', 'updateStrategy: {type: OnDelete}'), findings: [{ line: 5, message: 'changes apply only when Pods are deleted by hand' }] },
  ],
});

describe.skipIf(!hasShared)(`no-rolling-update: parity with kube-linter no-rolling-update-strategy ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the same Deployment; DeploymentConfig (OpenShift) is not a kind kubeknit lints', async () => {
    const { objects } = await flaggedObjects('no-rolling-update', kubeLinterFixture('no-rolling-update-strategy.yml'));
    expect(objects).toEqual(['Deployment/app1']);
    expect(kubeLinterFlaggedKinds('no-rolling-update-strategy').filter((k) => k !== 'DeploymentConfig')).toEqual(kindsOf(objects));
  });
});
