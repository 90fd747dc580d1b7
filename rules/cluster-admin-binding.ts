import { defineRule, formatSubjects, declaredRoleRef, isPlainObject, policyRulesOf, type K8sObject, type ObjectSet } from '../src/rule-api.js';

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
  description: 'A RoleBinding or ClusterRoleBinding that grants cluster-admin, a role with every verb on every resource, or the system:masters group',
  docs: {
    why: 'cluster-admin allows every verb on every resource. A ClusterRoleBinding to it makes its subjects owners of the whole cluster (a RoleBinding, of the whole namespace, Secrets included); a stolen token of such a ServiceAccount is a cluster compromise.',
    fix: 'Bind a Role or ClusterRole that lists only the resources and verbs the subject needs. Never bind the system:masters group: its members pass every authorization check, and no binding can be removed to take that away.',
    bad: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ci-admin}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: ServiceAccount, name: ci, namespace: build}]\n',
    good: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ci-deployer, namespace: build}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}\nsubjects: [{kind: ServiceAccount, name: ci, namespace: build}]\n',
  },
  messages: {
    systemMasters: '{{kind}} "{{name}}" names the group system:masters, whose members pass every authorization check of the cluster whatever the role',
    grantsClusterAdmin: '{{kind}} "{{name}}" grants ClusterRole "{{role}}" (every verb on every resource of {{scope}}) to {{subjects}}',
    grantsEverything: '{{kind}} "{{name}}" grants {{roleKind}} "{{role}}", whose rules allow every verb on every resource ("*" on "*", as cluster-admin), over {{scope}} to {{subjects}}',
  },
  options: {
    type: 'object',
    properties: { roles: { type: 'array', items: { type: 'string' }, description: 'ClusterRoles treated as cluster-admin' } },
    additionalProperties: false,
  },
  defaultOptions: { roles: ['cluster-admin'] },
  check({ objects, report, options }) {
    for (const binding of objects.ofKind('ClusterRoleBinding', 'RoleBinding')) {
      const scope = binding.kind === 'ClusterRoleBinding' ? 'the whole cluster' : `namespace "${binding.namespace}"`;
      mastersSubjects(binding).forEach((i) => {
        report(binding, `subjects[${i}].name`, 'systemMasters', { kind: binding.kind, name: binding.name });
      });
      const ref = declaredRoleRef(binding);
      if (!ref) continue;
      if (ref.kind === 'ClusterRole' && options.roles.includes(ref.name)) {
        report(binding, 'roleRef.name', 'grantsClusterAdmin', { kind: binding.kind, name: binding.name, role: ref.name, scope, subjects: formatSubjects(binding) });
        continue;
      }
      const role = grantedRole(objects, binding, ref);
      if (role && grantsEverything(role)) {
        report(binding, 'roleRef.name', 'grantsEverything', { kind: binding.kind, name: binding.name, roleKind: ref.kind, role: ref.name, scope, subjects: formatSubjects(binding) }, {
          related: [{ object: role, path: 'rules', message: `${role.kind} "${role.name}" rules` }],
        });
      }
    }
  },
});

/** Indexes of a binding's subjects that are the system:masters group. */
function mastersSubjects(binding: K8sObject): number[] {
  const subjects = binding.body.subjects;
  if (!Array.isArray(subjects)) return [];
  return subjects.flatMap((subject, i) => (isPlainObject(subject) && subject.kind === 'Group' && subject.name === 'system:masters' ? [i] : []));
}

function grantedRole(objects: ObjectSet, binding: K8sObject, ref: { kind: string; name: string }): K8sObject | undefined {
  if (ref.kind === 'ClusterRole') return objects.find('ClusterRole', null, ref.name);
  if (ref.kind === 'Role' && binding.namespace !== null) return objects.find('Role', binding.namespace, ref.name);
  return undefined;
}

/** A rule with verb `*` on resource `*` in every API group (`*`): the role can do anything cluster-admin can. */
function grantsEverything(role: K8sObject): boolean {
  return policyRulesOf(role).some((rule) => rule.verbs.includes('*') && rule.resources.includes('*') && rule.apiGroups.includes('*'));
}
