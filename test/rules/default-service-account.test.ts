import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (podSpec: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      spec:
        ${podSpec}
        containers: [{name: web, image: web:1.4}]
`;

ruleTester('default-service-account', {
  valid: [
    { name: 'own ServiceAccount', yaml: deployment('serviceAccountName: web') },
    { name: 'default account but no token mounted', yaml: deployment('automountServiceAccountToken: false') },
    { name: 'deprecated serviceAccount field naming its own account', yaml: deployment('serviceAccount: web') },
  ],
  invalid: [
    { name: 'serviceAccountName omitted (points at the Pod spec)', yaml: deployment('hostname: web'), findings: [{ line: 6, messageId: 'noServiceAccount', data: { name: 'web' } }] },
    { name: 'serviceAccountName: default', yaml: deployment('serviceAccountName: default'), findings: [{ line: 7, column: 7, messageId: 'defaultServiceAccount', data: { name: 'web', namespace: 'shop' } }] },
    {
      name: 'bare Pod',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  serviceAccount: default\n  containers: [{name: c, image: busybox:1.36}]\n',
      findings: [{ line: 5, data: { kind: 'Pod', name: 'debug' } }],
    },
  ],
});

kubeLinterParity('default-service-account', 'default-service-account');
