import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (add: string) => singleContainerPod(`securityContext:\n  capabilities:\n    drop: [ALL]\n    add: ${add}`);

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
