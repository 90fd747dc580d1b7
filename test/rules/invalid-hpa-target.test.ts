import { ruleTester } from '../helpers/rule-tester.js';

const hpa = (ref: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: ${ref}\n  minReplicas: 2\n  maxReplicas: 5\n`;

ruleTester('invalid-hpa-target', {
  valid: [
    { name: 'a Deployment in apps/v1', yaml: hpa('{apiVersion: apps/v1, kind: Deployment, name: web}') },
    { name: 'a ReplicationController in v1', yaml: hpa('{apiVersion: v1, kind: ReplicationController, name: web}') },
    { name: 'a custom resource with a scale subresource is not judged', yaml: hpa('{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}') },
  ],
  invalid: [
    { name: 'no apiVersion', yaml: hpa('{kind: Deployment, name: web}'), findings: [{ line: 5, message: 'scaleTargetRef of HorizontalPodAutoscaler "web" has no apiVersion; the autoscaler cannot find the Deployment to scale (FailedGetScale); set apiVersion: apps/v1' }] },
    { name: 'a group that does not serve the kind', yaml: hpa('{apiVersion: extensions/v1beta1, kind: Deployment, name: web}'), findings: [{ line: 5, message: 'names Deployment in extensions/v1beta1, which does not serve it' }] },
    { name: 'the core group for a StatefulSet', yaml: hpa('{apiVersion: v1, kind: StatefulSet, name: web}'), findings: [{ line: 5, message: 'set apiVersion: apps/v1' }] },
  ],
});
