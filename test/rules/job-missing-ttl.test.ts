import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const job = (metadata: string, spec: string) => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata: {name: migrate${metadata}}
  spec:
    ${spec}
    template:
      spec: {restartPolicy: Never, containers: [{name: m, image: app:1.2}]}
`;

ruleTester('job-missing-ttl', {
  valid: [
    { name: 'ttlSecondsAfterFinished set', yaml: job('', 'ttlSecondsAfterFinished: 3600') },
    { name: 'a Job owned by a CronJob', yaml: job(', ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: "1"}]', 'backoffLimit: 2') },
  ],
  invalid: [{ name: 'no TTL (points at spec)', yaml: job('', 'backoffLimit: 2'), findings: [{ line: 4, messageId: 'noTtl', data: { name: 'migrate' } }] }],
});

// kube-linter also warns when a CronJob's job template sets a TTL (it may clean up Jobs before the
// CronJob's history limits would). That is a different concern from a missing TTL, and a valid way
// to bound how long finished Jobs stay, so this rule does not flag it.
kubeLinterParity('job-ttl-seconds-after-finished', 'job-missing-ttl', {
  expectDifferences: { reason: 'a TTL set in a CronJob\'s job template is not a missing TTL', notFlagged: ['CronJob/bad-cronjob'], findings: 1 },
  kubeLinterFlags: ['Job/bad-job', 'CronJob/bad-cronjob'],
});
