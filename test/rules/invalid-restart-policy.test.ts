import { describe, expect, it } from 'vitest';
import { flaggedObjects, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const workload = (kind: string, apiVersion: string, policy: string) => yaml`
  apiVersion: ${apiVersion}
  kind: ${kind}
  metadata: {name: app}
  spec:
    template:
      spec:
        ${policy}
        containers: [{name: app, image: app:1.0}]
`;

const cronjob = (policy: string) => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: nightly}
  spec:
    schedule: "0 3 * * *"
    jobTemplate:
      spec:
        template:
          spec:
            ${policy}
            containers: [{name: app, image: app:1.0}]
`;

ruleTester('invalid-restart-policy', {
  valid: [
    { name: 'Deployment with the default', yaml: workload('Deployment', 'apps/v1', 'hostname: app') },
    { name: 'DaemonSet Always', yaml: workload('DaemonSet', 'apps/v1', 'restartPolicy: Always') },
    { name: 'Job Never', yaml: workload('Job', 'batch/v1', 'restartPolicy: Never') },
    { name: 'CronJob OnFailure', yaml: cronjob('restartPolicy: OnFailure') },
    { name: 'a bare Pod may use any policy', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: Never\n  containers: [{name: c, image: busybox:1.36}]\n' },
  ],
  invalid: [
    { name: 'Deployment OnFailure', yaml: workload('Deployment', 'apps/v1', 'restartPolicy: OnFailure'), findings: [{ line: 7, column: 7, message: 'sets restartPolicy "OnFailure"; a Deployment accepts only "Always"' }] },
    { name: 'StatefulSet Never', yaml: workload('StatefulSet', 'apps/v1', 'restartPolicy: Never'), findings: [{ line: 7 }] },
    { name: 'Job Always', yaml: workload('Job', 'batch/v1', 'restartPolicy: Always'), findings: [{ line: 7, message: 'a Job accepts only "OnFailure" or "Never"' }] },
    { name: 'Job without restartPolicy (defaults to Always; points at the Pod spec)', yaml: workload('Job', 'batch/v1', 'hostname: app'), findings: [{ line: 6, message: 'sets no restartPolicy, which defaults to "Always"' }] },
    { name: 'CronJob Always', yaml: cronjob('restartPolicy: Always'), findings: [{ line: 10, message: 'CronJob "nightly" sets restartPolicy "Always"' }] },
  ],
});

describe.skipIf(!hasShared)(`invalid-restart-policy: against kube-linter restart-policy ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags what the API server rejects, which differs from kube-linter on purpose', async () => {
    const { objects } = await flaggedObjects('invalid-restart-policy', kubeLinterFixture('restart-policy.yaml'));
    // kube-linter accepts Always or OnFailure everywhere and flags every Never (7 objects). kubeknit
    // follows API validation instead: controllers of long-running Pods accept only Always; Jobs and
    // CronJobs only OnFailure or Never; bare Pods all three. So:
    // - flagged by both: Never in a Deployment, DaemonSet, ReplicaSet, ReplicationController;
    expect(kubeLinterFlaggedKinds('restart-policy')).toEqual(['CronJob', 'DaemonSet', 'Deployment', 'Job', 'Pod', 'ReplicaSet', 'ReplicationController']);
    // - flagged only by kubeknit (named dont-fire upstream, yet the API server rejects them): OnFailure in
    //   those four controllers, Always in a Job or CronJob;
    // - flagged only by kube-linter: Never in a Pod, Job or CronJob, which is valid and common.
    expect(objects).toEqual([
      'CronJob/dont-fire-cronjob-always',
      'DaemonSet/dont-fire-daemonset-on-failure',
      'DaemonSet/fire-daemonset-never',
      'Deployment/dont-fire-deployment-on-failure',
      'Deployment/fire-deployment-never',
      'Job/dont-fire-job-always',
      'ReplicaSet/dont-fire-replicaset-on-failure',
      'ReplicaSet/fire-replicaset-never',
      'ReplicationController/dont-fire-replicationcontroller-on-failure',
      'ReplicationController/fire-replicationcontroller-never',
    ]);
  });
});
