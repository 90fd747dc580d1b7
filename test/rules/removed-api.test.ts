import { ruleTester } from '../helpers/rule-tester.js';

const psp = 'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: restricted}\nspec: {}\n';
const pdb = 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1}\n';

ruleTester('removed-api', {
  valid: [
    { name: 'PodSecurityPolicy while 1.24 still serves it', yaml: psp, run: { kubernetesVersion: '1.24' } },
    { name: 'a served apiVersion', yaml: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1}\n' },
    { name: 'a kind nobody ever served is unknown-kind, not removed', yaml: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n' },
  ],
  invalid: [
    {
      name: 'PodSecurityPolicy on 1.35: removed without a replacement kind',
      yaml: psp,
      findings: [{ line: 1, column: 1, messageId: 'removedForSuccessor', data: { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', version: '1.35', removedIn: '1.25', successor: 'Pod Security Admission (pod-security.kubernetes.io/* namespace labels)' } }],
    },
    {
      name: 'PodDisruptionBudget policy/v1beta1 on 1.25 names policy/v1',
      yaml: pdb,
      run: { kubernetesVersion: '1.25' },
      findings: [{ line: 1, messageId: 'removed', data: { removedIn: '1.25', replacement: 'policy/v1' } }],
    },
    {
      name: 'autoscaling/v2beta2 HorizontalPodAutoscaler names the newest GA version of its group, autoscaling/v2',
      yaml: 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec: {maxReplicas: 3, scaleTargetRef: {kind: Deployment, name: web}}\n',
      findings: [{ line: 1, messageId: 'removed', data: { removedIn: '1.26', replacement: 'autoscaling/v2' } }],
    },
    {
      name: 'extensions/v1beta1 Ingress (removed before the served table starts) names networking.k8s.io/v1',
      yaml: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\n',
      findings: [{ line: 1, messageId: 'removed', data: { removedIn: '1.22', replacement: 'networking.k8s.io/v1' } }],
    },
  ],
});
