import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (securityContext: string, os = '') => singleContainerPod(securityContext, os);

ruleTester('privilege-escalation-allowed', {
  valid: [
    { name: 'allowPrivilegeEscalation: false', yaml: pod('securityContext: {allowPrivilegeEscalation: false}') },
    { name: 'unset, with flagUnset off (kube-linter\'s behaviour)', yaml: pod(''), options: { flagUnset: false } },
    { name: 'privileged: reported by privileged-container, where false is rejected', yaml: pod('securityContext: {privileged: true}') },
    { name: 'CAP_SYS_ADMIN: reported by dangerous-capabilities', yaml: pod('securityContext: {capabilities: {add: [SYS_ADMIN]}}') },
    { name: 'a Windows Pod', yaml: pod('', 'os: {name: windows}') },
  ],
  invalid: [
    { name: 'explicitly true', yaml: pod('securityContext: {allowPrivilegeEscalation: true}'), findings: [{ line: 8, column: 23, messageId: 'escalationAllowed', data: { container: 'container "app"' } }] },
    { name: 'explicitly true, with flagUnset off', yaml: pod('securityContext: {allowPrivilegeEscalation: true}'), options: { flagUnset: false }, findings: [{ line: 8 }] },
    { name: 'unset: Kubernetes allows escalation by default', yaml: pod(''), findings: [{ line: 6, messageId: 'escalationByDefault', data: { container: 'container "app"' } }] },
    { name: 'a securityContext without the field', yaml: pod('securityContext: {readOnlyRootFilesystem: true}'), findings: [{ line: 8, messageId: 'escalationByDefault' }] },
  ],
});

kubeLinterParity('privilege-escalation-container', 'privilege-escalation-allowed');
