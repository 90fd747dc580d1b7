import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (fields: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: agent}
  spec:
    selector: {matchLabels: {app: agent}}
    template:
      metadata: {labels: {app: agent}}
      spec:
        ${fields}
        containers:
        - {name: agent, image: "agent:1.0"}
`;

ruleTester('host-namespaces', {
  valid: [
    { name: 'nothing shared', yaml: deployment('dnsPolicy: ClusterFirst') },
    { name: 'explicitly false', yaml: deployment('hostNetwork: false') },
    { name: 'a namespace the team allows', yaml: deployment('hostNetwork: true'), options: { allowed: ['hostNetwork'] } },
  ],
  invalid: [
    { name: 'hostNetwork', yaml: deployment('hostNetwork: true'), findings: [{ line: 9, column: 7, messageId: 'sharesNamespace', data: { field: 'hostNetwork' } }] },
    { name: 'hostPID', yaml: deployment('hostPID: true'), findings: [{ line: 9, messageId: 'sharesNamespace', data: { field: 'hostPID' } }] },
    { name: 'hostIPC', yaml: deployment('hostIPC: true'), findings: [{ line: 9, messageId: 'sharesNamespace', data: { field: 'hostIPC' } }] },
    {
      name: 'all three, one allowed',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: agent}\nspec:\n  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n  containers: [{name: agent, image: "agent:1.0"}]\n',
      options: { allowed: ['hostNetwork'] },
      findings: [{ line: 6, data: { field: 'hostPID' } }, { line: 7, data: { field: 'hostIPC' } }],
    },
  ],
});

kubeLinterParity('host-network', 'host-namespaces');
kubeLinterParity('host-pid', 'host-namespaces');
kubeLinterParity('host-ipc', 'host-namespaces');
