import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, isBootstrapRole, roleRefOf, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-role-binding',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A RoleBinding or ClusterRoleBinding grants a Role or ClusterRole that is not in the input',
  docs: {
    why: 'A binding to a role that does not exist grants nothing: the ServiceAccounts and users it names get "forbidden" errors. If the role is created later, perhaps by someone else with broader rules, they silently get its permissions. The built-in ClusterRoles (cluster-admin, admin, edit, view, system:*) are known.',
    fix: 'Add the Role/ClusterRole, or correct roleRef (kind and name; a RoleBinding\'s Role must be in the binding\'s namespace). Roles made outside these manifests can be listed in the `assumeExisting` option.',
    bad: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: read-pods, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}\nsubjects: [{kind: ServiceAccount, name: api, namespace: shop}]\n',
    good: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: pod-reader, namespace: shop}\nrules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: read-pods, namespace: shop}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}\nsubjects: [{kind: ServiceAccount, name: api, namespace: shop}]\n',
  },
  messages: {
    roleMissing: '{{kind}} "{{name}}" grants {{roleKind}} "{{role}}", which is not in namespace "{{namespace}}" of the input',
    clusterRoleMissing: '{{kind}} "{{name}}" grants {{roleKind}} "{{role}}", which is not in the input',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, settings, report }) {
    for (const binding of objects.ofKind('RoleBinding', 'ClusterRoleBinding')) {
      const role = roleRefOf(binding);
      if (!role || objects.find(role.kind, role.namespace, role.name)) continue;
      if (isBootstrapRole(role.kind, role.namespace, role.name)) continue;
      if (existsOutside({ options, settings }, role.kind, role.namespace, role.name)) continue;
      const data = { kind: binding.kind, name: binding.name, roleKind: role.kind, role: role.name };
      if (role.namespace === null) report(binding, 'roleRef.name', 'clusterRoleMissing', data);
      else report(binding, 'roleRef.name', 'roleMissing', { ...data, namespace: role.namespace });
    }
  },
});
