import { isPlainObject } from '../../k8s/guards.js';
import type { EdgeBuilder } from './types.js';

/** StatefulSet → the Service named by `spec.serviceName`, which gives its Pods their DNS names (`headless-service`). */
export const statefulSetEdges: EdgeBuilder = (graph, objects) => {
  for (const sts of objects.ofKind('StatefulSet')) {
    const spec = sts.body.spec;
    if (!isPlainObject(spec) || typeof spec.serviceName !== 'string' || !spec.serviceName || sts.namespace === null) continue;
    const node = graph.referenceNode('v1', 'Service', sts.namespace, spec.serviceName);
    graph.addEdge({ from: sts.id, to: node.id, type: 'headless-service', path: 'spec.serviceName' });
  }
};
