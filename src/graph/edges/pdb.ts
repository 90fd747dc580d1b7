import { isPlainObject } from '../../k8s/guards.js';
import { selectorFromLabelSelector } from '../../k8s/selector.js';
import type { EdgeBuilder } from './types.js';

/** PodDisruptionBudget → the Pods its selector matches in its namespace (`selects`). */
export const pdbEdges: EdgeBuilder = (graph, objects) => {
  for (const pdb of objects.ofKind('PodDisruptionBudget')) {
    const spec = pdb.body.spec;
    if (!isPlainObject(spec) || pdb.namespace === null) continue;
    // policy/v1: a missing selector selects no Pod, an empty one every Pod of the namespace.
    const selector = selectorFromLabelSelector(spec.selector);
    if (!selector) continue;
    for (const pod of graph.podsMatching(pdb.namespace, selector)) graph.addEdge({ from: pdb.id, to: pod.nodeId, type: 'selects', path: 'spec.selector' });
  }
};
