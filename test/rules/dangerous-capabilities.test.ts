import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (add: string) => singleContainerPod(`securityContext:\n  capabilities:\n    drop: [ALL]\n    add: ${add}`);

ruleTester('dangerous-capabilities', {
  valid: [
    { name: 'a narrow capability', yaml: pod('[NET_BIND_SERVICE, CHOWN]') },
    { name: 'dropping is fine', yaml: pod('[]') },
    { name: 'a capability the team allows', yaml: pod('[NET_ADMIN]'), options: { allowed: ['CAP_NET_ADMIN'] } },
    { name: 'names of Object.prototype members are no capabilities of the table', yaml: pod('[constructor, toString, __proto__]') },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN',
      yaml: pod('[SYS_ADMIN]'),
      findings: [{ line: 11, column: 15, messageId: 'grants', data: { container: 'container "app"', capability: 'SYS_ADMIN', grants: 'mounts, namespaces and much of the kernel: the usual way out of a container' } }],
    },
    { name: 'ALL and NET_ADMIN', yaml: pod('[ALL, NET_ADMIN]'), findings: [{ line: 11, messageId: 'grants', data: { capability: 'ALL' } }, { line: 11, messageId: 'grants', data: { capability: 'NET_ADMIN' } }] },
    { name: 'the CAP_ prefix and lower case', yaml: pod('[cap_sys_ptrace]'), findings: [{ line: 11, messageId: 'grants', data: { capability: 'SYS_PTRACE' } }] },
    { name: 'a capability the team forbids', yaml: pod('[CHOWN]'), options: { forbidden: ['CHOWN'] }, findings: [{ line: 11, messageId: 'forbidden', data: { container: 'container "app"', capability: 'CHOWN' } }] },
    {
      name: 'hostile input: capabilities that are mappings or numbers are skipped, a container name that is a mapping becomes its index',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: app}
        spec:
          initContainers:
          - name: {x: 1}
            image: app:1.0
            securityContext:
              capabilities: {add: [{toString: x}, 7, SYS_ADMIN]}
      `,
      findings: [{ line: 9, message: 'init container "#0" adds capability SYS_ADMIN, which grants mounts', messageId: 'grants', data: { container: 'init container "#0"' } }],
    },
  ],
});
