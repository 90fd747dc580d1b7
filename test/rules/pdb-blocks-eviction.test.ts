import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pdb = (budget: string) => yaml`
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: {name: web, namespace: shop}
  spec:
    ${budget}
    selector: {matchLabels: {app: web}}
  ---
`;

const deployment = (name: string, replicas: number) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: ${name}, namespace: shop}
  spec:
    replicas: ${replicas}
    template:
      metadata: {labels: {app: web, instance: ${name}}}
  ---
`;

const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: shop}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 9\n';

ruleTester('pdb-blocks-eviction', {
  valid: [
    { name: 'maxUnavailable: 1', yaml: pdb('maxUnavailable: 1') + deployment('web', 1) },
    { name: 'minAvailable below replicas', yaml: pdb('minAvailable: 2') + deployment('web', 3) },
    { name: 'minAvailable below the Pods of two workloads together', yaml: pdb('minAvailable: 2') + deployment('web', 2) + deployment('web-canary', 1) },
    { name: 'minAvailable with nothing selected in the input (cannot judge)', yaml: pdb('minAvailable: 5') },
    { name: 'percentage below 100%', yaml: pdb('minAvailable: 50%') + deployment('web', 2) },
  ],
  invalid: [
    { name: 'maxUnavailable: 0', yaml: pdb('maxUnavailable: 0'), findings: [{ line: 5, column: 3, messageId: 'maxUnavailableZero', data: { maxUnavailable: '0' } }] },
    { name: 'maxUnavailable: 0%', yaml: pdb('maxUnavailable: 0%'), findings: [{ line: 5, messageId: 'maxUnavailableZero', data: { maxUnavailable: '0%' } }] },
    { name: 'minAvailable: 100%', yaml: pdb('minAvailable: 100%'), findings: [{ line: 5, messageId: 'minAvailableAll' }] },
    { name: 'minAvailable equals replicas', yaml: pdb('minAvailable: 3') + deployment('web', 3), findings: [{ line: 5, messageId: 'minAvailableTooHigh', data: { minAvailable: 3, owners: 'Deployment "web"', pods: 3 } }] },
    { name: 'an HPA may scale below minAvailable', yaml: pdb('minAvailable: 2') + deployment('web', 5) + hpa, findings: [{ line: 5, messageId: 'minAvailableTooHigh', data: { minAvailable: 2, pods: 2 } }] },
  ],
});

kubeLinterParity('pdb-max-unavailable', 'pdb-blocks-eviction', { kubeLinterFlags: ['PodDisruptionBudget/foo'], expectDifferences: { reason: 'kube-linter records no count for this check', findings: 1 } });

// Deployment foo has no Pod template, so no Pod carries the labels baz selects (the API server would
// reject foo: its selector must match template labels). kube-linter matches the PDB against foo's
// spec.selector; kubeknit only judges a budget against Pods it can see.
kubeLinterParity('pdb-min-available', 'pdb-blocks-eviction', {
  kubeLinterFlags: ['PodDisruptionBudget/baz', 'PodDisruptionBudget/baz2', 'PodDisruptionBudget/baz3'],
  expectDifferences: { reason: 'a budget is judged only against Pods a template declares', notFlagged: ['PodDisruptionBudget/baz'], findings: 2 },
});
