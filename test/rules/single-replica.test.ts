import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const workload = (kind: string, replicas: string) => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: web}
  spec:
    ${replicas}
    selector: {matchLabels: {app: web}}
`;

const hpa = '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 5\n';

ruleTester('single-replica', {
  valid: [
    { name: 'two replicas', yaml: workload('Deployment', 'replicas: 2') },
    { name: 'replicas: .nan is schema-violation\'s, not a count of NaN', yaml: workload('Deployment', 'replicas: .nan') },
    { name: 'scaled to zero on purpose', yaml: workload('StatefulSet', 'replicas: 0') },
    { name: 'an autoscaler owns the count', yaml: workload('Deployment', 'minReadySeconds: 5') + hpa },
    { name: 'DaemonSet (one per node)', yaml: workload('DaemonSet', 'minReadySeconds: 5') },
  ],
  invalid: [
    { name: 'replicas: 1', yaml: workload('Deployment', 'replicas: 1'), findings: [{ line: 5, column: 3, messageId: 'oneReplica', data: { kind: 'Deployment', name: 'web', minReplicas: 2 } }] },
    { name: 'replicas omitted (points at spec)', yaml: workload('StatefulSet', 'minReadySeconds: 5'), findings: [{ line: 4, messageId: 'noReplicas', data: { kind: 'StatefulSet' } }] },
    { name: 'minReplicas option', yaml: workload('Deployment', 'replicas: 2'), options: { minReplicas: 3 }, findings: [{ line: 5, messageId: 'fewReplicas', data: { replicas: 2, minReplicas: 3 } }] },
    { name: 'an OpenShift DeploymentConfig', yaml: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: web}\nspec:\n  replicas: 1\n  selector: {app: web}\n', findings: [{ line: 5, messageId: 'oneReplica', data: { kind: 'DeploymentConfig', name: 'web' } }] },
  ],
});

// kube-linter's check asks for three replicas; the rule's option says so.
kubeLinterParity('minimum-three-replicas', 'single-replica', {
  options: { minReplicas: 3 },
});
