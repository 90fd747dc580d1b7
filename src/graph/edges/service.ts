import { isPlainObject } from '../../k8s/guards.js';
import { selectorFromMap } from '../../k8s/selector.js';
import type { EdgeBuilder } from './types.js';

/** Service → Pods its selector matches in its namespace (`selects`). */
export const serviceEdges: EdgeBuilder = (graph, objects) => {
  for (const svc of objects.ofKind('Service')) {
    const spec = svc.body.spec;
    if (!isPlainObject(spec) || svc.namespace === null || spec.type === 'ExternalName') continue;
    const selector = selectorFromMap(spec.selector);
    // A Service without a selector is managed by hand (its EndpointSlices); it selects nothing.
    if (!selector || Object.keys(selector.matchLabels).length === 0) continue;
    for (const pod of graph.podsMatching(svc.namespace, selector)) {
      graph.addEdge({ from: svc.id, to: pod.nodeId, type: 'selects', path: 'spec.selector' });
    }
  }
};
