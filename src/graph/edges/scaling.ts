import { isPlainObject } from '../../k8s/guards.js';
import type { K8sObject } from '../../types.js';
import type { EdgeBuilder } from './types.js';

export interface ScaleTarget {
  apiVersion: string;
  kind: string;
  name: string;
}

/** An HPA's `spec.scaleTargetRef`, when it names a kind and a name. */
export function scaleTargetOf(hpa: K8sObject): ScaleTarget | undefined {
  const spec = hpa.body.spec;
  const ref = isPlainObject(spec) ? spec.scaleTargetRef : undefined;
  if (!isPlainObject(ref) || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return undefined;
  return { apiVersion: typeof ref.apiVersion === 'string' ? ref.apiVersion : '', kind: ref.kind, name: ref.name };
}

/** HorizontalPodAutoscaler → its scaleTargetRef, in the HPA's namespace (`scales`). */
export const scalingEdges: EdgeBuilder = (graph, objects) => {
  for (const hpa of objects.ofKind('HorizontalPodAutoscaler')) {
    const target = scaleTargetOf(hpa);
    if (!target || hpa.namespace === null) continue;
    const node = graph.referenceNode(target.apiVersion, target.kind, hpa.namespace, target.name);
    graph.addEdge({ from: hpa.id, to: node.id, type: 'scales', path: 'spec.scaleTargetRef' });
  }
};
