import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata:
        labels: {app: web}
      spec: {containers: [{name: web, image: web:1.4}]}
  ---
`;

const policy = (podSelector: string, namespace = 'shop') => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ${namespace}}\nspec:\n  podSelector: ${podSelector}\n  policyTypes: [Ingress]\n`;

ruleTester('missing-network-policy', {
  valid: [
    { name: 'a policy selects the Pods', yaml: deployment + policy('{matchLabels: {app: web}}') },
    { name: 'a default-deny policy selects the whole namespace', yaml: deployment + policy('{}') },
  ],
  invalid: [
    { name: 'no policy in the namespace', yaml: deployment + policy('{}', 'other'), findings: [{ line: 7, messageId: 'noPolicyInNamespace', data: { kind: 'Deployment', name: 'web', namespace: 'shop' } }] },
    { name: 'policies select other Pods', yaml: deployment + policy('{matchLabels: {app: db}}'), findings: [{ line: 7, messageId: 'notSelected', data: { kind: 'Deployment', name: 'web', namespace: 'shop' } }] },
    {
      name: 'a bare Pod without labels (points at its metadata)',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: shop}\nspec: {containers: [{name: c, image: busybox:1.36}]}\n',
      findings: [{ line: 3, data: { kind: 'Pod', name: 'debug' } }],
    },
  ],
});

kubeLinterParity('non-isolated-pod', 'missing-network-policy');
