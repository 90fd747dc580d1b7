import { ruleTester } from '../helpers/rule-tester.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: api}}\n---\n';
const hpa = (name: string, ns = 'shop', kind = 'Deployment') => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: ${kind}\n    name: ${name}\n  minReplicas: 2\n  maxReplicas: 5\n`;

ruleTester('dangling-hpa-target', {
  valid: [
    { name: 'target in the namespace', yaml: deployment + hpa('api') },
    { name: 'target assumed to exist (a Rollout made elsewhere)', yaml: hpa('api', 'shop', 'Rollout'), options: { assumeExisting: ['api'] } },
    { name: 'a target name that is a mapping (schema-violation reports it)', yaml: deployment + hpa('{api: 1}') },
  ],
  invalid: [
    { name: 'no such Deployment', yaml: deployment + hpa('api-server'), findings: [{ line: 15, column: 5, messageId: 'targetMissing', data: { name: 'api', targetKind: 'Deployment', target: 'api-server', namespace: 'shop' } }] },
    { name: 'target in another namespace', yaml: deployment + hpa('api', 'default'), findings: [{ line: 15, messageId: 'targetMissing', data: { target: 'api', namespace: 'default' } }] },
    { name: 'same name, other kind', yaml: deployment + hpa('api', 'shop', 'StatefulSet'), findings: [{ line: 15, messageId: 'targetMissing', data: { targetKind: 'StatefulSet', target: 'api' } }] },
  ],
});
