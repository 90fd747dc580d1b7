import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (procMount: string, podFields = '') => singleContainerPod(`securityContext: {procMount: ${procMount}}`, podFields);

ruleTester('unsafe-proc-mount', {
  valid: [{ name: 'Default', yaml: pod('Default') }],
  invalid: [
    { name: 'Unmasked', yaml: pod('Unmasked'), findings: [{ line: 8, column: 23, messageId: 'notDefault', data: { container: 'container "app"', value: 'Unmasked' } }] },
    { name: 'any other value than Default', yaml: pod('Masked'), findings: [{ line: 8, messageId: 'notDefault', data: { container: 'container "app"', value: 'Masked' } }] },
    { name: 'Unmasked in a user namespace', yaml: pod('Unmasked', 'hostUsers: false'), findings: [{ line: 9, messageId: 'notDefaultInUserNamespace' }] },
  ],
});

kubeLinterParity('unsafe-proc-mount', 'unsafe-proc-mount');
