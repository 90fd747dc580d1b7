import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (spec: string, account = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web, namespace: shop}
  spec:
    serviceAccountName: web
    ${spec}
    containers: [{name: web, image: web:1.4}]
` + account;

const serviceAccount = (automount: string) => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n${automount}\n`;

ruleTester('automount-service-account-token', {
  valid: [
    { name: 'Pod opts out', yaml: pod('automountServiceAccountToken: false') },
    { name: 'its ServiceAccount opts out', yaml: pod('hostname: web', serviceAccount('automountServiceAccountToken: false')) },
    { name: 'ServiceAccount in allowServiceAccounts', yaml: pod('hostname: web'), options: { allowServiceAccounts: ['web'] } },
  ],
  invalid: [
    { name: 'nothing opts out', yaml: pod('hostname: web'), findings: [{ line: 4, messageId: 'podDoesNotOptOut' }] },
    { name: 'ServiceAccount in the input does not opt out either', yaml: pod('hostname: web', serviceAccount('secrets: []')), findings: [{ line: 4, messageId: 'neitherOptsOut', data: { account: 'web' } }] },
    { name: 'Pod opts in over its ServiceAccount', yaml: pod('automountServiceAccountToken: true', serviceAccount('automountServiceAccountToken: false')), findings: [{ line: 6, column: 3, messageId: 'optsIn' }] },
  ],
});
