import type { ObjectSet } from '../load/object-set.js';

/** A namespace's labels as namespace selectors see them: its Namespace object's, plus `kubernetes.io/metadata.name`. */
export function namespaceLabels(objects: ObjectSet, namespace: string): Record<string, string> {
  return { ...(objects.find('Namespace', null, namespace)?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
}

/** The namespaces that objects of some kinds in the input live in. */
export function namespacesOf(objects: ObjectSet, ...kinds: string[]): Set<string> {
  const out = new Set<string>();
  for (const obj of objects.ofKind(...kinds)) if (obj.namespace !== null) out.add(obj.namespace);
  return out;
}
