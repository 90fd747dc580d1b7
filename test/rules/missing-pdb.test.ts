import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (replicas: number, labels = '{app: web, tier: front}') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    replicas: ${replicas}
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: ${labels}}
      spec: {containers: [{name: web, image: web:1.4}]}
`;

const pdb = (selector: string, namespace = 'shop', apiVersion = 'policy/v1') => `---\napiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: ${namespace}}\nspec:\n  maxUnavailable: 1\n  ${selector}\n`;

ruleTester('missing-pdb', {
  valid: [
    { name: 'a PDB selects the Pod template labels', yaml: deployment(3) + pdb('selector: {matchLabels: {tier: front}}') },
    { name: 'set-based PDB selector', yaml: deployment(3) + pdb('selector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}') },
    { name: 'policy/v1 PDB with an empty selector covers the namespace', yaml: deployment(3) + pdb('selector: {}') },
    { name: 'single replica needs no PDB', yaml: deployment(1) },
    { name: 'minReplicas option', yaml: deployment(2), options: { minReplicas: 3 } },
  ],
  invalid: [
    { name: 'no PDB at all', yaml: deployment(3), findings: [{ line: 5, column: 3, messageId: 'noBudget', data: { replicas: 3, namespace: 'shop' } }] },
    { name: 'the PDB selects other labels', yaml: deployment(2) + pdb('selector: {matchLabels: {app: api}}'), findings: [{ line: 5 }] },
    { name: 'the PDB is in another namespace', yaml: deployment(2) + pdb('selector: {matchLabels: {app: web}}', 'other'), findings: [{ line: 5 }] },
    { name: 'policy/v1beta1 PDB with an empty selector selects nothing', yaml: deployment(2) + pdb('selector: {}', 'shop', 'policy/v1beta1'), findings: [{ line: 5 }] },
  ],
});
