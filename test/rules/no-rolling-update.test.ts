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
    { name: 'hostile input: a type that is a mapping or a number is no strategy (schema-violation reports it)', yaml: workload('Deployment', 'strategy: {type: {toString: x}}') + '---\n' + workload('DaemonSet', 'updateStrategy: {type: 7}') },
    { name: 'Recreate allowed by option', yaml: workload('Deployment', 'strategy: {type: Recreate}'), options: { allowStrategies: ['Recreate'] } },
  ],
  invalid: [
    { name: 'Recreate', yaml: workload('Deployment', 'strategy: {type: Recreate}'), findings: [{ line: 5, column: 14, messageId: 'recreate', data: { kind: 'Deployment', field: 'strategy', type: 'Recreate', rolling: 'RollingUpdate' } }] },
    { name: 'DaemonSet OnDelete', yaml: workload('DaemonSet', 'updateStrategy: {type: OnDelete}'), findings: [{ line: 5, messageId: 'onDelete', data: { kind: 'DaemonSet', field: 'updateStrategy', type: 'OnDelete', rolling: 'RollingUpdate' } }] },
    { name: 'DeploymentConfig Recreate', yaml: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: web}\nspec:\n  strategy: {type: Recreate}\n  selector: {app: web}\n', findings: [{ line: 5, messageId: 'recreate', data: { kind: 'DeploymentConfig', type: 'Recreate', rolling: 'Rolling' } }] },
    { name: 'a strategy type Kubernetes does not know', yaml: workload('StatefulSet', 'updateStrategy: {type: Canary}'), findings: [{ line: 5, message: 'StatefulSet "db" updates its Pods with updateStrategy.type Canary, not RollingUpdate', messageId: 'other', data: { type: 'Canary' } }] },
  ],
});

kubeLinterParity('no-rolling-update-strategy', 'no-rolling-update', { kubeLinterFlags: ['Deployment/app1', 'DeploymentConfig/app2'] });
