import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const binding = (kind: string, role: string) => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ${kind}
  metadata: {name: ci, namespace: build}
  subjects:
  - {kind: ServiceAccount, name: ci, namespace: build}
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: ${role}
`;

ruleTester('cluster-admin-binding', {
  valid: [
    { name: 'ClusterRoleBinding to a narrow ClusterRole', yaml: binding('ClusterRoleBinding', 'view') },
    { name: 'a Role named cluster-admin is not the ClusterRole', yaml: binding('RoleBinding', 'edit').replace('kind: ClusterRole', 'kind: Role').replace('name: edit', 'name: cluster-admin') },
  ],
  invalid: [
    {
      name: 'a ClusterRole of the input with "*" on "*"',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: god-mode}\nrules:\n- {apiGroups: ["*"], resources: ["*"], verbs: ["*"]}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ci}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: god-mode}\nsubjects: [{kind: ServiceAccount, name: ci, namespace: build}]\n',
      findings: [{ line: 10, message: 'whose rules allow every verb on every resource' }],
    },
    {
      name: 'the system:masters group',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: admins}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- kind: Group\n  name: system:masters\n',
      findings: [{ line: 7, message: 'names the group system:masters' }],
    },
    { name: 'ClusterRoleBinding to cluster-admin', yaml: binding('ClusterRoleBinding', 'cluster-admin'), findings: [{ line: 9, column: 3, message: 'whole cluster) to ServiceAccount build/ci' }] },
    { name: 'RoleBinding to cluster-admin', yaml: binding('RoleBinding', 'cluster-admin'), findings: [{ line: 9, message: 'namespace "build"' }] },
    { name: 'a team\'s own admin role (option)', yaml: binding('ClusterRoleBinding', 'platform-admin'), options: { roles: ['cluster-admin', 'platform-admin'] }, findings: [{ line: 9, message: '"platform-admin"' }] },
  ],
});

kubeLinterParity('cluster-admin-role-binding', 'cluster-admin-binding');
