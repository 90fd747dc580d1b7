import { ruleTester, yaml } from '../helpers/rule-tester.js';

const cronjob = (spec: string) => yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata: {name: nightly}
  spec:
    schedule: "0 3 * * *"
    ${spec}
    jobTemplate:
      spec:
        template:
          spec: {restartPolicy: OnFailure, containers: [{name: r, image: report:1.0}]}
`;

ruleTester('cronjob-missing-deadline', {
  valid: [{ name: 'startingDeadlineSeconds set', yaml: cronjob('startingDeadlineSeconds: 600') }],
  invalid: [{ name: 'no deadline (points at spec)', yaml: cronjob('concurrencyPolicy: Forbid'), findings: [{ line: 4, column: 1, messageId: 'noDeadline', data: { name: 'nightly' } }] }],
});
