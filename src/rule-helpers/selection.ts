import type { KnitGraph } from '../graph/graph.js';
import type { LabelSelector } from '../k8s/selector.js';
import type { PodTemplate } from '../k8s/workloads.js';
import type { K8sObject } from '../types.js';

export { networkPolicySelector, pdbSelector } from '../k8s/object-selectors.js';

/** The objects (Pods and controllers) whose Pods a selector matches in a namespace, each once, in graph order. */
export function ownersSelected(graph: KnitGraph, namespace: string, selector: LabelSelector): K8sObject[] {
  const owners = new Set<K8sObject>();
  for (const pod of graph.podsMatching(namespace, selector)) owners.add(pod.owner);
  return [...owners];
}

/**
 * For each selecting object (PDBs, NetworkPolicies…), the owners of the Pods it selects; inverted so
 * a rule can ask "what selects this workload?".
 */
export function selectorsByOwner(graph: KnitGraph, selecting: readonly K8sObject[], selectorOf: (obj: K8sObject) => LabelSelector | undefined): Map<K8sObject, K8sObject[]> {
  const byOwner = new Map<K8sObject, K8sObject[]>();
  for (const obj of selecting) {
    const selector = selectorOf(obj);
    if (!selector || obj.namespace === null) continue;
    for (const owner of ownersSelected(graph, obj.namespace, selector)) {
      let list = byOwner.get(owner);
      if (!list) byOwner.set(owner, (list = []));
      list.push(obj);
    }
  }
  return byOwner;
}

/** The Pod template of each object owning Pods in the graph (a Pod, or the controller they come from), once per owner. */
export function podTemplatesByOwner(graph: KnitGraph): PodTemplate[] {
  const byOwner = new Map<K8sObject, PodTemplate>();
  for (const pod of graph.pods()) if (!byOwner.has(pod.owner)) byOwner.set(pod.owner, pod);
  return [...byOwner.values()];
}
