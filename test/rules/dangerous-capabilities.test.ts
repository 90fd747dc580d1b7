import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (add: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app}
  spec:
    containers:
    - name: app
      image: app:1.0
      securityContext:
        capabilities:
          drop: [ALL]
          add: ${add}
`;

ruleTester('dangerous-capabilities', {
  valid: [
    { name: 'a narrow capability', yaml: pod('[NET_BIND_SERVICE, CHOWN]') },
    { name: 'dropping is fine', yaml: pod('[]') },
    { name: 'a capability the team allows', yaml: pod('[NET_ADMIN]'), options: { allowed: ['CAP_NET_ADMIN'] } },
  ],
  invalid: [
    { name: 'SYS_ADMIN', yaml: pod('[SYS_ADMIN]'), findings: [{ line: 11, column: 15, message: 'container "app" adds capability SYS_ADMIN, which grants mounts' }] },
    { name: 'ALL and NET_ADMIN', yaml: pod('[ALL, NET_ADMIN]'), findings: [{ line: 11, message: 'ALL' }, { line: 11, message: 'NET_ADMIN' }] },
    { name: 'the CAP_ prefix and lower case', yaml: pod('[cap_sys_ptrace]'), findings: [{ line: 11, message: 'SYS_PTRACE' }] },
    { name: 'a capability the team forbids', yaml: pod('[CHOWN]'), options: { forbidden: ['CHOWN'] }, findings: [{ line: 11, message: 'which the team lists as forbidden' }] },
  ],
});
