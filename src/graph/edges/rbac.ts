import { isPlainObject } from '../../k8s/guards.js';
import type { K8sObject } from '../../types.js';
import type { EdgeBuilder } from './types.js';

/** The role a binding grants: a Role of the binding's namespace, or a ClusterRole. */
export function roleRefOf(binding: K8sObject): { kind: 'Role' | 'ClusterRole'; name: string; namespace: string | null } | undefined {
  const ref = binding.body.roleRef;
  if (!isPlainObject(ref) || typeof ref.name !== 'string') return undefined;
  if (ref.kind === 'ClusterRole') return { kind: 'ClusterRole', name: ref.name, namespace: null };
  // A ClusterRoleBinding can only name a ClusterRole; a Role needs the RoleBinding's namespace.
  if (ref.kind === 'Role' && binding.kind === 'RoleBinding' && binding.namespace !== null) return { kind: 'Role', name: ref.name, namespace: binding.namespace };
  return undefined;
}

/** RoleBinding/ClusterRoleBinding → the Role/ClusterRole it grants and the ServiceAccounts it grants it to (`grants`). */
export const rbacEdges: EdgeBuilder = (graph, objects) => {
  for (const binding of objects.ofKind('RoleBinding', 'ClusterRoleBinding')) {
    const role = roleRefOf(binding);
    if (role) graph.addEdge({ from: binding.id, to: graph.referenceNode('rbac.authorization.k8s.io/v1', role.kind, role.namespace, role.name).id, type: 'grants', path: 'roleRef' });
    const subjects = binding.body.subjects;
    if (!Array.isArray(subjects)) continue;
    subjects.forEach((subject, i) => {
      if (!isPlainObject(subject) || subject.kind !== 'ServiceAccount' || typeof subject.name !== 'string') return;
      const namespace = typeof subject.namespace === 'string' ? subject.namespace : binding.namespace;
      if (namespace === null) return;
      graph.addEdge({ from: binding.id, to: graph.referenceNode('v1', 'ServiceAccount', namespace, subject.name).id, type: 'grants', path: `subjects[${i}]` });
    });
  }
};
