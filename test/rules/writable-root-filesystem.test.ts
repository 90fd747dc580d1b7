import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (securityContext: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app}
  spec:
    containers:
    - name: app
      image: app:1.0
      ${securityContext}
`;

ruleTester('writable-root-filesystem', {
  valid: [
    { name: 'readOnlyRootFilesystem: true', yaml: pod('securityContext: {readOnlyRootFilesystem: true}') },
    { name: 'a Windows Pod', yaml: pod('').replace('spec:\n', 'spec:\n  os: {name: windows}\n') },
  ],
  invalid: [
    { name: 'explicitly false', yaml: pod('securityContext: {readOnlyRootFilesystem: false}'), findings: [{ line: 8, column: 23, message: 'sets readOnlyRootFilesystem: false' }] },
    { name: 'unset', yaml: pod(''), findings: [{ line: 6, message: 'container "app" does not set readOnlyRootFilesystem: true' }] },
  ],
});

kubeLinterParity('no-read-only-root-fs', 'writable-root-filesystem');
