import { ruleTester } from '../helpers/rule-tester.js';

const binding = (kind: string, roleRef: string, subjects: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: {name: b, namespace: shop}\nroleRef: ${roleRef}\nsubjects:\n${subjects}\n`;
const clusterRole = '{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}';

// Invalid cases after the API server's errors, e.g.
//   roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"
//   subjects[0].namespace: Required value
ruleTester('invalid-rbac-binding', {
  valid: [
    { name: 'a ClusterRoleBinding of a ClusterRole to a ServiceAccount with its namespace', yaml: binding('ClusterRoleBinding', clusterRole, '- {kind: ServiceAccount, name: api, namespace: shop}\n- {kind: Group, apiGroup: rbac.authorization.k8s.io, name: devs}') },
    { name: 'a RoleBinding of a Role to a ServiceAccount without namespace (it defaults to the binding\'s)', yaml: binding('RoleBinding', '{apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}', '- {kind: ServiceAccount, name: api}\n- {kind: User, name: jane}') },
  ],
  invalid: [
    { name: 'a ClusterRoleBinding of a Role', yaml: binding('ClusterRoleBinding', '{apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}', '- {kind: User, name: jane}'), findings: [{ line: 4, message: 'ClusterRoleBinding "b" refers to a Role; a ClusterRoleBinding can only grant a ClusterRole' }] },
    { name: 'a ServiceAccount without namespace in a ClusterRoleBinding', yaml: binding('ClusterRoleBinding', clusterRole, '- {kind: ServiceAccount, name: api}'), findings: [{ line: 6, message: 'ServiceAccount subject "api" of ClusterRoleBinding "b" has no namespace' }] },
    { name: 'a roleRef in the wrong group', yaml: binding('RoleBinding', '{apiGroup: rbac.k8s.io, kind: ClusterRole, name: view}', '- {kind: User, name: jane}'), findings: [{ line: 4, message: 'has roleRef.apiGroup "rbac.k8s.io"; it must be rbac.authorization.k8s.io' }] },
    { name: 'a misspelt subject kind', yaml: binding('RoleBinding', clusterRole, '- {kind: Serviceaccount, name: api}'), findings: [{ line: 6, message: 'subject kind "Serviceaccount" of RoleBinding "b" is not ServiceAccount, User or Group' }] },
    { name: 'a ServiceAccount with the RBAC group', yaml: binding('RoleBinding', clusterRole, '- {kind: ServiceAccount, apiGroup: rbac.authorization.k8s.io, name: api}'), findings: [{ line: 6, message: 'must be empty ("") for a ServiceAccount' }] },
  ],
});
