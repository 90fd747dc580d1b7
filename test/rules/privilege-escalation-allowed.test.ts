import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (securityContext: string, os = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app}
  spec:
    ${os}
    containers:
    - name: app
      image: app:1.0
      ${securityContext}
`;

ruleTester('privilege-escalation-allowed', {
  valid: [
    { name: 'allowPrivilegeEscalation: false', yaml: pod('securityContext: {allowPrivilegeEscalation: false}') },
    { name: 'unset, with flagUnset off (kube-linter\'s behaviour)', yaml: pod(''), options: { flagUnset: false } },
    { name: 'privileged: reported by privileged-container, where false is rejected', yaml: pod('securityContext: {privileged: true}') },
    { name: 'CAP_SYS_ADMIN: reported by dangerous-capabilities', yaml: pod('securityContext: {capabilities: {add: [SYS_ADMIN]}}') },
    { name: 'a Windows Pod', yaml: pod('', 'os: {name: windows}') },
  ],
  invalid: [
    { name: 'explicitly true', yaml: pod('securityContext: {allowPrivilegeEscalation: true}'), findings: [{ line: 9, column: 23, message: 'sets allowPrivilegeEscalation: true' }] },
    { name: 'explicitly true, with flagUnset off', yaml: pod('securityContext: {allowPrivilegeEscalation: true}'), options: { flagUnset: false }, findings: [{ line: 9 }] },
    { name: 'unset: Kubernetes allows escalation by default', yaml: pod(''), findings: [{ line: 7, message: 'does not set allowPrivilegeEscalation: false' }] },
    { name: 'a securityContext without the field', yaml: pod('securityContext: {readOnlyRootFilesystem: true}'), findings: [{ line: 9, message: 'Kubernetes allows escalation by default' }] },
  ],
});

kubeLinterParity('privilege-escalation-container', 'privilege-escalation-allowed');
