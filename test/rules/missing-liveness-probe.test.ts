import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (container: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    initContainers:
    - {name: setup, image: "setup:1"}
    containers:
${container}
`;

const job = yaml`
  apiVersion: batch/v1
  kind: Job
  metadata: {name: migrate}
  spec:
    template:
      spec:
        restartPolicy: Never
        containers:
        - {name: migrate, image: "migrate:1"}
`;

ruleTester('missing-liveness-probe', {
  valid: [
    { name: 'a liveness probe (init containers need none)', yaml: pod('    - name: web\n      image: web:1\n      livenessProbe: {httpGet: {path: /livez, port: 8080}}') },
    { name: 'Jobs are skipped by default', yaml: job },
    { name: 'a container the team names', yaml: pod('    - {name: web, image: "web:1"}'), options: { ignoreContainers: ['web'] } },
  ],
  invalid: [
    { name: 'no liveness probe', yaml: pod('    - {name: web, image: "web:1"}'), findings: [{ line: 8, messageId: 'noProbe', data: { container: 'container "web"' } }] },
    { name: 'Jobs when the team asks', yaml: job, options: { checkJobs: true }, findings: [{ line: 9, messageId: 'noProbe', data: { container: 'container "migrate"' } }] },
  ],
});

kubeLinterParity('no-liveness-probe', 'missing-liveness-probe');
