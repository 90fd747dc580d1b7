import { serviceMentions } from '../service-mentions.js';
import type { EdgeBuilder } from './types.js';

/**
 * Pod → the Services it talks to (`connects`), read from env values, command/args and the data of the
 * ConfigMaps it uses: cluster DNS names, `host:port` and URLs, and `<SVC>_SERVICE_HOST` variables.
 * Names that are not clearly cluster DNS names (`redis`, `redis.cache`) count only when the Service exists;
 * clear ones (`redis.cache.svc`) that match nothing lead to a missing node.
 */
export const connectsEdges: EdgeBuilder = (graph, objects) => {
  for (const pod of graph.pods()) {
    const linked = new Set<string>();
    for (const mention of serviceMentions(pod, objects)) {
      const exists = objects.find('Service', mention.namespace, mention.name);
      if (!exists && !mention.clear) continue;
      const target = graph.referenceNode('v1', 'Service', mention.namespace, mention.name);
      if (linked.has(target.id)) continue;
      linked.add(target.id);
      graph.addEdge({ from: pod.nodeId, to: target.id, type: 'connects', path: mention.podPath });
    }
  }
};
