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
      findings: [{ line: 10, messageId: 'grantsEverything', data: { kind: 'ClusterRoleBinding', name: 'ci', roleKind: 'ClusterRole', role: 'god-mode', scope: 'the whole cluster', subjects: 'ServiceAccount build/ci' } }],
    },
    {
      name: 'the system:masters group',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: admins}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n- kind: Group\n  name: system:masters\n',
      findings: [{ line: 7, messageId: 'systemMasters', data: { kind: 'ClusterRoleBinding', name: 'admins' } }],
    },
    { name: 'ClusterRoleBinding to cluster-admin', yaml: binding('ClusterRoleBinding', 'cluster-admin'), findings: [{ line: 9, column: 3, messageId: 'grantsClusterAdmin', data: { kind: 'ClusterRoleBinding', name: 'ci', role: 'cluster-admin', scope: 'the whole cluster', subjects: 'ServiceAccount build/ci' } }] },
    { name: 'RoleBinding to cluster-admin', yaml: binding('RoleBinding', 'cluster-admin'), findings: [{ line: 9, messageId: 'grantsClusterAdmin', data: { kind: 'RoleBinding', scope: 'namespace "build"' } }] },
    { name: 'a team\'s own admin role (option)', yaml: binding('ClusterRoleBinding', 'platform-admin'), options: { roles: ['cluster-admin', 'platform-admin'] }, findings: [{ line: 9, messageId: 'grantsClusterAdmin', data: { role: 'platform-admin' } }] },
    {
      // schema-violation reports the broken subjects; this rule still names the grant, without "undefined"
      name: 'subjects without a name, with a mapping as name or kind, or that are no mapping',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects:\n- {kind: ServiceAccount, namespace: shop}\n- {kind: ServiceAccount, namespace: shop, name: {a: 1}}\n- {kind: {a: 1}, name: alice}\n- just-a-string\n',
      findings: [{ line: 4, messageId: 'grantsClusterAdmin', data: { subjects: 'ServiceAccount shop/(no name), ServiceAccount shop/(no name), subject alice' } }],
    },
    {
      name: 'a subject list with no mapping in it',
      yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [ops]\n',
      findings: [{ line: 4, messageId: 'grantsClusterAdmin', data: { subjects: 'no subjects' } }],
    },
  ],
});

kubeLinterParity('cluster-admin-role-binding', 'cluster-admin-binding');
