import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (image: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
    - name: web
      image: ${image}
`;

ruleTester('latest-tag', {
  valid: [
    { name: 'a release tag', yaml: pod('nginx:1.27.3') },
    { name: 'a digest', yaml: pod('nginx@sha256:4f1b1f1e3d2c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a') },
    { name: 'a digest after :latest pins the image anyway', yaml: pod('nginx:latest@sha256:4f1b1f1e3d2c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a') },
    { name: 'a registry with a port and a tag', yaml: pod('registry.local:5000/team/app:2.1') },
    { name: 'a tag that only contains "latest"', yaml: pod('app:latest-2024') },
    { name: 'a placeholder filled in by a tool', yaml: pod('$(APP_IMAGE)') },
    { name: 'a tag the team does not list as floating', yaml: pod('app:main'), options: { floatingTags: ['latest'] } },
  ],
  invalid: [
    { name: ':latest', yaml: pod('nginx:latest'), findings: [{ line: 7, column: 5, messageId: 'floatingTag', data: { tag: 'latest' } }] },
    { name: 'no tag', yaml: pod('nginx'), findings: [{ line: 7, messageId: 'noTag', data: { container: 'container "web"', image: 'nginx' } }] },
    { name: 'a registry port is not a tag', yaml: pod('registry.local:5000/team/app'), findings: [{ line: 7, messageId: 'noTag', data: { image: 'registry.local:5000/team/app' } }] },
    { name: 'tags compare without case', yaml: pod('nginx:LATEST'), findings: [{ line: 7 }] },
    { name: 'a floating tag the team names', yaml: pod('app:main'), options: { floatingTags: ['latest', 'main'] }, findings: [{ line: 7, messageId: 'floatingTag', data: { tag: 'main' } }] },
    {
      name: 'init containers and CronJobs too',
      yaml: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report}
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  initContainers:
                  - {name: fetch, image: "busybox"}
                  containers:
                  - {name: report, image: "report:1.0"}
      `,
      findings: [{ line: 12, data: { container: 'init container "fetch"' } }],
    },
  ],
});

kubeLinterParity('latest-tag', 'latest-tag');
