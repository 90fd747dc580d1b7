import { objectId } from '../../k8s/object-id.js';
import { producedBy } from '../../k8s/producers.js';
import type { EdgeBuilder } from './types.js';

/**
 * Producer → what its controller writes (a cert-manager Certificate → its Secret), `produces`. A
 * produced object the input does not define is an implied node, so references to it are not
 * missing. Built first, before the builders that look up referenced objects.
 */
export const producesEdges: EdgeBuilder = (graph, objects) => {
  for (const obj of objects) {
    const made = producedBy(obj);
    if (!made) continue;
    const id = objectId(made.kind, made.namespace, made.name);
    const node = graph.node(id) ?? graph.addNode({ id, apiVersion: 'v1', kind: made.kind, namespace: made.namespace, name: made.name, implied: true, missing: false, impliedBy: obj });
    graph.addEdge({ from: obj.id, to: node.id, type: 'produces', path: made.path });
  }
};
