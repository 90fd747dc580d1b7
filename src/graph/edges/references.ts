import { isPlainObject } from '../../k8s/guards.js';
import { impliedClaimId } from '../build.js';
import type { KnitGraph } from '../graph.js';
import { podReferences, referenceApiVersion, type PodReference } from '../../k8s/pod-references.js';
import { containersOf } from '../../k8s/workloads.js';
import type { EdgeBuilder } from './types.js';

/** Objects every cluster has, so a Pod naming them is not a reference to something missing. */
function isClusterDefault(ref: PodReference): boolean {
  if (ref.kind === 'ServiceAccount') return ref.name === 'default';
  if (ref.kind === 'PriorityClass') return ref.name === 'system-cluster-critical' || ref.name === 'system-node-critical';
  return false;
}

/**
 * Pod → PVC, ConfigMap, Secret (`mounts` for volumes, `references` for env, envFrom, imagePullSecrets),
 * ServiceAccount and PriorityClass (`references`). Edges leave the Pod node: a bare Pod's own node, or
 * the implied `<controller id>#Pod` node of a controller, so every workload kind looks the same.
 * A StatefulSet's Pods also mount the PVCs its volumeClaimTemplates imply.
 */
export const referenceEdges: EdgeBuilder = (graph, objects) => {
  for (const pod of graph.pods()) {
    for (const ref of podReferences(pod)) {
      const namespace = ref.kind === 'PriorityClass' ? null : pod.namespace;
      if (isClusterDefault(ref) && !objects.find(ref.kind, namespace, ref.name)) continue;
      const target = graph.referenceNode(referenceApiVersion(ref.kind), ref.kind, namespace, ref.name);
      graph.addEdge({ from: pod.nodeId, to: target.id, type: ref.type, path: ref.path });
    }
    if (pod.owner.kind === 'StatefulSet') claimTemplateMounts(graph, pod);
  }
  // A ServiceAccount's imagePullSecrets (and legacy token `secrets`) are Secrets it hands to its Pods.
  for (const sa of objects.ofKind('ServiceAccount')) {
    for (const field of ['imagePullSecrets', 'secrets'] as const) {
      const list = sa.body[field];
      if (!Array.isArray(list)) continue;
      list.forEach((item, i) => {
        if (!isPlainObject(item) || typeof item.name !== 'string' || sa.namespace === null) return;
        const target = graph.referenceNode('v1', 'Secret', sa.namespace, item.name);
        graph.addEdge({ from: sa.id, to: target.id, type: 'references', path: `${field}[${i}].name` });
      });
    }
  }
};

function claimTemplateMounts(graph: KnitGraph, pod: ReturnType<KnitGraph['pods']>[number]): void {
  const seen = new Set<string>();
  for (const { container, path } of containersOf(pod)) {
    const mounts = container.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    mounts.forEach((mount, i) => {
      if (!isPlainObject(mount) || typeof mount.name !== 'string') return;
      const id = impliedClaimId(pod.owner, mount.name);
      if (seen.has(id) || !graph.node(id)) return;
      seen.add(id);
      graph.addEdge({ from: pod.nodeId, to: id, type: 'mounts', path: `${path}.volumeMounts[${i}]` });
    });
  }
}
