import { defineRule, isPlainObject } from '../src/rule-api.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * What Kubernetes' RBAC validation (k8s.io/kubernetes/pkg/apis/rbac/validation) rejects in a
 * RoleBinding or ClusterRoleBinding beyond the OpenAPI schema.
 */
export default defineRule({
  id: 'invalid-rbac-binding',
  family: 'rbac',
  severity: 'error',
  presets: ['recommended'],
  description: 'A RoleBinding or ClusterRoleBinding the API server rejects: a ClusterRoleBinding of a Role, a roleRef outside rbac.authorization.k8s.io, a ServiceAccount subject without namespace in a ClusterRoleBinding, an unknown subject kind',
  messages: {
    clusterRoleRef: 'ClusterRoleBinding "{{name}}" refers to a Role; a ClusterRoleBinding can only grant a ClusterRole ("Unsupported value: \\"Role\\": supported values: \\"ClusterRole\\"")',
    roleRefKind: '{{kind}} "{{name}}" has roleRef.kind "{{value}}"; it must be Role or ClusterRole ("Unsupported value")',
    roleRefGroup: '{{kind}} "{{name}}" has roleRef.apiGroup "{{value}}"; it must be rbac.authorization.k8s.io ("Unsupported value")',
    subjectNamespace: 'ServiceAccount subject "{{subject}}" of ClusterRoleBinding "{{name}}" has no namespace; a ClusterRoleBinding has none to default to ("Required value")',
    subjectKind: 'subject kind "{{value}}" of {{kind}} "{{name}}" is not ServiceAccount, User or Group ("Unsupported value")',
    subjectGroup: '{{subjectKind}} subject "{{subject}}" of {{kind}} "{{name}}" has apiGroup "{{value}}"; it must be {{expected}} ("Unsupported value")',
  },
  docs: {
    why: 'The API server checks RBAC bindings beyond their schema: a ClusterRoleBinding can only grant a ClusterRole (a Role belongs to one namespace), roleRef.apiGroup must be rbac.authorization.k8s.io, and a ServiceAccount subject of a ClusterRoleBinding must name its namespace, since the binding has none. Such a binding is refused at apply time.',
    fix: 'Grant a ClusterRole from a ClusterRoleBinding (or use a RoleBinding for a Role), set roleRef.apiGroup to rbac.authorization.k8s.io, and give each ServiceAccount subject of a ClusterRoleBinding its namespace.',
    bad: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: read-pods}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}\nsubjects: [{kind: ServiceAccount, name: api}]\n',
    good: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: read-pods}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}\nsubjects: [{kind: ServiceAccount, name: api, namespace: shop}]\n',
  },
  check({ objects, report }) {
    for (const binding of objects.ofKind('RoleBinding', 'ClusterRoleBinding')) {
      const { kind, name } = binding;
      const cluster = kind === 'ClusterRoleBinding';
      const ref = binding.body.roleRef;
      if (isPlainObject(ref)) {
        if (cluster && ref.kind === 'Role') report(binding, 'roleRef.kind', 'clusterRoleRef', { name });
        else if (typeof ref.kind === 'string' && ref.kind !== 'Role' && ref.kind !== 'ClusterRole') report(binding, 'roleRef.kind', 'roleRefKind', { kind, name, value: ref.kind });
        if (typeof ref.apiGroup === 'string' && ref.apiGroup !== RBAC_GROUP) report(binding, 'roleRef.apiGroup', 'roleRefGroup', { kind, name, value: ref.apiGroup });
      }
      const subjects = binding.body.subjects;
      if (!Array.isArray(subjects)) continue;
      subjects.forEach((subject, i) => {
        if (!isPlainObject(subject) || typeof subject.kind !== 'string') return;
        const at = `subjects[${i}]`;
        const subjectName = String(subject.name ?? '');
        if (subject.kind !== 'ServiceAccount' && subject.kind !== 'User' && subject.kind !== 'Group') {
          report(binding, `${at}.kind`, 'subjectKind', { kind, name, value: subject.kind });
          return;
        }
        const expected = subject.kind === 'ServiceAccount' ? '' : RBAC_GROUP;
        if (typeof subject.apiGroup === 'string' && subject.apiGroup !== expected) {
          report(binding, `${at}.apiGroup`, 'subjectGroup', { subjectKind: subject.kind, subject: subjectName, kind, name, value: subject.apiGroup, expected: expected ? expected : 'empty ("") for a ServiceAccount' });
        }
        if (cluster && subject.kind === 'ServiceAccount' && (typeof subject.namespace !== 'string' || subject.namespace === '')) report(binding, at, 'subjectNamespace', { subject: subjectName, name });
      });
    }
  },
});
