import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (securityContext: string, podFields = '') => singleContainerPod(securityContext, podFields);

ruleTester('writable-root-filesystem', {
  valid: [
    { name: 'readOnlyRootFilesystem: true', yaml: pod('securityContext: {readOnlyRootFilesystem: true}') },
    { name: 'a Windows Pod', yaml: pod('', 'os: {name: windows}') },
  ],
  invalid: [
    { name: 'explicitly false', yaml: pod('securityContext: {readOnlyRootFilesystem: false}'), findings: [{ line: 8, column: 23, messageId: 'writable', data: { container: 'container "app"' } }] },
    { name: 'unset', yaml: pod(''), findings: [{ line: 6, messageId: 'notReadOnly', data: { container: 'container "app"' } }] },
  ],
});

kubeLinterParity('no-read-only-root-fs', 'writable-root-filesystem');
