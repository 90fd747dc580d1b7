import { ruleTester } from '../helpers/rule-tester.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: api}}\n---\n';
const hpa = (name: string, ns = 'shop', kind = 'Deployment') => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: ${name}\n  minReplicas: 2\n  maxReplicas: 5\n`;

ruleTester('dangling-hpa-target', {
  valid: [
    { name: 'target in the namespace', yaml: deployment + hpa('api') },
    { name: 'target assumed to exist (a Rollout made elsewhere)', yaml: hpa('api', 'shop', 'Rollout'), options: { assumeExisting: ['api'] } },
  ],
  invalid: [
    { name: 'no such Deployment', yaml: deployment + hpa('api-server'), findings: [{ line: 15, column: 5, message: 'scales Deployment "api-server", which is not in namespace "shop"' }] },
    { name: 'target in another namespace', yaml: deployment + hpa('api', 'default'), findings: [{ line: 15, message: 'namespace "default"' }] },
    { name: 'same name, other kind', yaml: deployment + hpa('api', 'shop', 'StatefulSet'), findings: [{ line: 15, message: 'StatefulSet "api"' }] },
  ],
});
