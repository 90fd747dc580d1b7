import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (procMount: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app}
  spec:
    containers:
    - name: app
      image: app:1.0
      securityContext: {procMount: ${procMount}}
`;

ruleTester('unsafe-proc-mount', {
  valid: [{ name: 'Default', yaml: pod('Default') }],
  invalid: [
    { name: 'Unmasked', yaml: pod('Unmasked'), findings: [{ line: 8, column: 23, message: 'container "app" sets procMount: Unmasked' }] },
    { name: 'Unmasked in a user namespace', yaml: pod('Unmasked').replace('spec:\n', 'spec:\n  hostUsers: false\n'), findings: [{ line: 9, message: 'runs in a user namespace' }] },
  ],
});

kubeLinterParity('unsafe-proc-mount', 'unsafe-proc-mount');
