import { ruleTester } from '../helpers/rule-tester.js';

const binding = (kind: string, roleKind: string, roleName: string, ns = 'shop') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: {name: b${kind === 'RoleBinding' ? `, namespace: ${ns}` : ''}}\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${roleKind}\n  name: ${roleName}\nsubjects: [{kind: ServiceAccount, name: api, namespace: shop}]\n`;
const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: pod-reader, namespace: shop}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get]}]\n---\n';

ruleTester('dangling-role-binding', {
  valid: [
    { name: 'Role in the binding\'s namespace', yaml: role + binding('RoleBinding', 'Role', 'pod-reader') },
    { name: 'built-in ClusterRole view', yaml: binding('RoleBinding', 'ClusterRole', 'view') },
    { name: 'built-in system: ClusterRole', yaml: binding('ClusterRoleBinding', 'ClusterRole', 'system:auth-delegator') },
    { name: 'assumed to exist', yaml: binding('ClusterRoleBinding', 'ClusterRole', 'prometheus-operator'), options: { assumeExisting: ['prometheus-*'] } },
    { name: 'a role name that is a mapping (schema-violation reports it)', yaml: binding('ClusterRoleBinding', 'ClusterRole', '{ops: admin}') },
  ],
  invalid: [
    { name: 'Role in another namespace', yaml: role + binding('RoleBinding', 'Role', 'pod-reader', 'blog'), findings: [{ line: 12, column: 3, messageId: 'roleMissing', data: { kind: 'RoleBinding', name: 'b', roleKind: 'Role', role: 'pod-reader', namespace: 'blog' } }] },
    { name: 'missing ClusterRole', yaml: binding('ClusterRoleBinding', 'ClusterRole', 'ops-admin'), findings: [{ line: 7, messageId: 'clusterRoleMissing', data: { kind: 'ClusterRoleBinding', name: 'b', roleKind: 'ClusterRole', role: 'ops-admin' } }] },
  ],
});
