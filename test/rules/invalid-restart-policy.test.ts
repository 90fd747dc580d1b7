import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

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
    { name: 'hostile input: a mapping is no policy (schema-violation reports its type)', yaml: workload('Deployment', 'apps/v1', 'restartPolicy: {toString: x}') },
    { name: 'a bare Pod may use any policy', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: once}\nspec:\n  restartPolicy: Never\n  containers: [{name: c, image: busybox:1.36}]\n' },
  ],
  invalid: [
    { name: 'Deployment OnFailure', yaml: workload('Deployment', 'apps/v1', 'restartPolicy: OnFailure'), findings: [{ line: 7, column: 7, messageId: 'notAccepted', data: { kind: 'Deployment', name: 'app', policy: 'OnFailure', accepted: '"Always"' } }] },
    { name: 'StatefulSet Never', yaml: workload('StatefulSet', 'apps/v1', 'restartPolicy: Never'), findings: [{ line: 7, messageId: 'notAccepted', data: { kind: 'StatefulSet', policy: 'Never' } }] },
    { name: 'Job Always', yaml: workload('Job', 'batch/v1', 'restartPolicy: Always'), findings: [{ line: 7, messageId: 'notAccepted', data: { kind: 'Job', policy: 'Always', accepted: '"OnFailure" or "Never"' } }] },
    { name: 'Job without restartPolicy (defaults to Always; points at the Pod spec)', yaml: workload('Job', 'batch/v1', 'hostname: app'), findings: [{ line: 6, messageId: 'defaultAlways', data: { kind: 'Job', name: 'app', accepted: '"OnFailure" or "Never"' } }] },
    { name: 'CronJob Always', yaml: cronjob('restartPolicy: Always'), findings: [{ line: 10, messageId: 'notAccepted', data: { kind: 'CronJob', name: 'nightly', policy: 'Always' } }] },
    {
      name: 'hostile input: a number is shown as written',
      yaml: workload('Deployment', 'apps/v1', 'restartPolicy: 7'),
      findings: [{ line: 7, message: 'sets restartPolicy "7"; a Deployment accepts only "Always"', messageId: 'notAccepted', data: { policy: '7' } }],
    },
  ],
});

// kube-linter accepts Always or OnFailure everywhere and flags every Never. kubeknit follows API
// validation instead: controllers of long-running Pods accept only Always; Jobs and CronJobs only
// OnFailure or Never; bare Pods all three.
kubeLinterParity('restart-policy', 'invalid-restart-policy', {
  expectDifferences: {
    reason: 'kubeknit flags what the API server rejects; Never is valid in a Pod, Job or CronJob, OnFailure is not in a Deployment',
    notFlagged: ['Pod/fire-pod-never', 'Job/fire-job-never', 'CronJob/fire-cronjob-never'],
    alsoFlagged: [
      'CronJob/dont-fire-cronjob-always', 'DaemonSet/dont-fire-daemonset-on-failure', 'Deployment/dont-fire-deployment-on-failure',
      'Job/dont-fire-job-always', 'ReplicaSet/dont-fire-replicaset-on-failure', 'ReplicationController/dont-fire-replicationcontroller-on-failure',
    ],
    findings: 10,
  },
});
