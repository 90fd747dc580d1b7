import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (procMount: string, podFields = '') => singleContainerPod(`securityContext: {procMount: ${procMount}}`, podFields);

ruleTester('unsafe-proc-mount', {
  valid: [{ name: 'Default', yaml: pod('Default') }],
  invalid: [
    { name: 'Unmasked', yaml: pod('Unmasked'), findings: [{ line: 8, column: 23, messageId: 'unmasked', data: { container: 'container "app"' } }] },
    { name: 'Unmasked in a user namespace', yaml: pod('Unmasked', 'hostUsers: false'), findings: [{ line: 9, messageId: 'unmaskedInUserNamespace' }] },
  ],
});

kubeLinterParity('unsafe-proc-mount', 'unsafe-proc-mount');
