import { defineRule, formatSubjects, declaredRoleRef } from '../src/rule-api.js';

interface Options {
  /** ClusterRoles that grant everything, as cluster-admin does. */
  roles: string[];
}

export default defineRule<Options>({
  id: 'cluster-admin-binding',
  family: 'rbac',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A RoleBinding or ClusterRoleBinding that grants the cluster-admin ClusterRole',
  docs: {
    why: 'cluster-admin allows every verb on every resource. A ClusterRoleBinding to it makes its subjects owners of the whole cluster (a RoleBinding, of the whole namespace, Secrets included); a stolen token of such a ServiceAccount is a cluster compromise.',
    fix: 'Bind a Role or ClusterRole that lists only the resources and verbs the subject needs.',
    bad: 'kind: ClusterRoleBinding\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: ci, namespace: build}]\n',
    good: 'kind: RoleBinding\nmetadata: {namespace: build}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}\nsubjects: [{kind: ServiceAccount, name: ci, namespace: build}]\n',
  },
  options: {
    type: 'object',
    properties: { roles: { type: 'array', items: { type: 'string' }, description: 'ClusterRoles treated as cluster-admin' } },
    additionalProperties: false,
  },
  defaultOptions: { roles: ['cluster-admin'] },
  check({ objects, report, options }) {
    for (const binding of objects.ofKind('ClusterRoleBinding', 'RoleBinding')) {
      const ref = declaredRoleRef(binding);
      if (!ref || ref.kind !== 'ClusterRole' || !options.roles.includes(ref.name)) continue;
      const scope = binding.kind === 'ClusterRoleBinding' ? 'the whole cluster' : `namespace "${binding.namespace}"`;
      report(binding, 'roleRef.name', `${binding.kind} "${binding.name}" grants ClusterRole "${ref.name}" (every verb on every resource of ${scope}) to ${formatSubjects(binding)}`);
    }
  },
});
