import { pdbSelector } from '../../k8s/object-selectors.js';
import type { EdgeBuilder } from './types.js';

/** PodDisruptionBudget → the Pods its selector matches in its namespace (`selects`). */
export const pdbEdges: EdgeBuilder = (graph, objects) => {
  for (const pdb of objects.ofKind('PodDisruptionBudget')) {
    if (pdb.namespace === null) continue;
    const selector = pdbSelector(pdb);
    if (!selector) continue;
    for (const pod of graph.podsMatching(pdb.namespace, selector)) graph.addEdge({ from: pdb.id, to: pod.nodeId, type: 'selects', path: 'spec.selector' });
  }
};
