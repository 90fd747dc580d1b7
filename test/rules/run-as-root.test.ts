import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (podContext: string, containerContext: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app}
  spec:
    securityContext: ${podContext}
    containers:
    - name: app
      image: app:1.0
      securityContext: ${containerContext}
    - name: sidecar
      image: sidecar:1.0
`;

ruleTester('run-as-root', {
  valid: [
    { name: 'runAsNonRoot on the Pod applies to every container', yaml: pod('{runAsNonRoot: true}', '{}') },
    { name: 'a runAsUser above 0 on the Pod', yaml: pod('{runAsUser: 1000}', '{}') },
    { name: 'the container overrides the Pod\'s root user', yaml: pod('{runAsUser: 0}', '{runAsUser: 1000}').replace('  - name: sidecar\n    image: sidecar:1.0\n', '') },
    { name: 'group 0 is allowed by default (OpenShift runs containers in it)', yaml: pod('{runAsUser: 1000, runAsGroup: 0}', '{}') },
    { name: 'a Windows Pod', yaml: pod('{}', '{}').replace('spec:\n', 'spec:\n  os: {name: windows}\n') },
  ],
  invalid: [
    {
      name: 'nothing set: every container may run as root',
      yaml: pod('{}', '{}'),
      findings: [
        { line: 9, column: 5, messageId: 'unset', data: { container: 'container "app"' } },
        { line: 10, messageId: 'unset', data: { container: 'container "sidecar"' } },
      ],
    },
    {
      name: 'the container overrides the Pod\'s runAsNonRoot',
      yaml: pod('{runAsNonRoot: true}', '{runAsNonRoot: false}'),
      findings: [{ line: 9, column: 23, messageId: 'nonRootFalse', data: { setter: 'container "app"', container: 'container "app"' } }],
    },
    {
      name: 'the sidecar that does not override the Pod\'s root user',
      yaml: pod('{runAsUser: 0}', '{runAsUser: 1000}'),
      findings: [{ line: 5, messageId: 'rootUser', data: { setter: 'the Pod', runner: 'its containers run' } }],
    },
    {
      name: 'runAsUser 0 on the Pod is reported once, at the Pod',
      yaml: pod('{runAsUser: 0}', '{}'),
      findings: [{ line: 5, column: 21, message: 'the Pod sets runAsUser: 0, so its containers run as root', messageId: 'rootUser', data: { setter: 'the Pod', runner: 'its containers run' } }],
    },
    {
      name: 'runAsUser 0 with runAsNonRoot: the kubelet refuses to start it',
      yaml: pod('{runAsNonRoot: true}', '{runAsUser: 0}'),
      findings: [{ line: 9, messageId: 'rootUserRefused', data: { setter: 'container "app"', runner: 'it runs' } }],
    },
    {
      name: 'group 0 when the team asks',
      yaml: pod('{runAsNonRoot: true, runAsGroup: 0}', '{}'),
      options: { flagRootGroup: true },
      findings: [{ line: 5, messageId: 'rootGroup', data: { setter: 'the Pod', runner: 'its containers run' } }],
    },
    {
      name: 'hostile input: a container name that is a mapping is named by its index',
      yaml: pod('{}', '{runAsNonRoot: false}').replace('- name: app', '- name: {toString: x}'),
      findings: [
        { line: 9, message: 'container "#0" runs as its image\'s user', messageId: 'nonRootFalse', data: { container: 'container "#0"' } },
        { line: 10, messageId: 'unset', data: { container: 'container "sidecar"' } },
      ],
    },
  ],
});

// kube-linter also flags runAsGroup 0; we do that only with flagRootGroup (see the rule's docs).
kubeLinterParity('run-as-non-root', 'run-as-root', {
  expectDifferences: {
    reason: 'group 0 is not root, and OpenShift runs every container in it; flagRootGroup turns it on',
    notFlagged: ['Deployment/group-zero', 'DeploymentConfig/group-zero'],
    findings: 2,
  },
});
kubeLinterParity('run-as-non-root', 'run-as-root', { options: { flagRootGroup: true } });
