import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const workload = (kind: string, strategy: string) => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: db}
  spec:
    ${strategy}
    selector: {matchLabels: {app: db}}
`;

ruleTester('no-rolling-update', {
  valid: [
    { name: 'strategy omitted (RollingUpdate by default)', yaml: workload('Deployment', 'replicas: 2') },
    { name: 'RollingUpdate', yaml: workload('StatefulSet', 'updateStrategy: {type: RollingUpdate}') },
    { name: 'DeploymentConfig Rolling (OpenShift\'s name for it)', yaml: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: web}\nspec:\n  strategy: {type: Rolling}\n  selector: {app: web}\n' },
    { name: 'Recreate allowed by option', yaml: workload('Deployment', 'strategy: {type: Recreate}'), options: { allowStrategies: ['Recreate'] } },
  ],
  invalid: [
    { name: 'Recreate', yaml: workload('Deployment', 'strategy: {type: Recreate}'), findings: [{ line: 5, column: 14, message: 'strategy.type Recreate, not RollingUpdate: every rollout stops all Pods first' }] },
    { name: 'DaemonSet OnDelete', yaml: workload('DaemonSet', 'updateStrategy: {type: OnDelete}'), findings: [{ line: 5, message: 'changes apply only when Pods are deleted by hand' }] },
    { name: 'DeploymentConfig Recreate', yaml: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: web}\nspec:\n  strategy: {type: Recreate}\n  selector: {app: web}\n', findings: [{ line: 5, message: 'strategy.type Recreate, not Rolling:' }] },
  ],
});

kubeLinterParity('no-rolling-update-strategy', 'no-rolling-update', { kubeLinterFlags: ['Deployment/app1', 'DeploymentConfig/app2'] });
