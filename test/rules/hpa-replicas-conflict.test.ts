import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (replicas: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    ${replicas}
    selector: {matchLabels: {app: web}}
  ---
`;

const hpa = (target: string, namespace = 'shop') => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata: {name: web, namespace: ${namespace}}
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}
    minReplicas: 2
    maxReplicas: 10
`;

ruleTester('hpa-replicas-conflict', {
  valid: [
    { name: 'replicas left to the autoscaler', yaml: deployment('minReadySeconds: 5') + hpa('web') },
    { name: 'the HPA scales another Deployment', yaml: deployment('replicas: 3') + hpa('api') },
    { name: 'the HPA is in another namespace', yaml: deployment('replicas: 3') + hpa('web', 'other') },
  ],
  invalid: [
    { name: 'fixed replicas under an HPA', yaml: deployment('replicas: 3') + hpa('web'), findings: [{ line: 5, column: 3, messageId: 'fixedReplicas', data: { replicas: 3, scalerKind: 'HorizontalPodAutoscaler', scaler: 'web' } }] },
    {
      name: 'KEDA ScaledObject (target kind defaults to Deployment)',
      yaml: deployment('replicas: 1') + 'apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {name: web-scaler, namespace: shop}\nspec:\n  scaleTargetRef: {name: web}\n',
      findings: [{ line: 5, messageId: 'fixedReplicas', data: { scalerKind: 'ScaledObject', scaler: 'web-scaler' } }],
    },
  ],
});
