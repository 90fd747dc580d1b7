import { describe, expect, it } from 'vitest';
import { flaggedObjects, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

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
  invalid: [{ name: 'no TTL (points at spec)', yaml: job('', 'backoffLimit: 2'), findings: [{ line: 4, message: 'Job "migrate" sets no ttlSecondsAfterFinished' }] }],
});

describe.skipIf(!hasShared)(`job-missing-ttl: parity with kube-linter job-ttl-seconds-after-finished ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags bad-job; not bad-cronjob', async () => {
    const { objects } = await flaggedObjects('job-missing-ttl', kubeLinterFixture('job-ttl-seconds-after-finished.yaml'));
    // On purpose: kube-linter also warns when a CronJob's job template sets a TTL (it may clean up Jobs
    // before the CronJob's history limits would). That is a different concern from a missing TTL, and
    // a valid way to bound how long finished Jobs stay, so this rule does not flag it.
    expect(kubeLinterFlaggedKinds('job-ttl-seconds-after-finished')).toEqual(['CronJob', 'Job']);
    expect(objects).toEqual(['Job/bad-job']);
  });
});
