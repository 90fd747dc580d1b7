import type { KnitGraph } from '../graph/graph.js';
import { selectorFromLabelSelector, type LabelSelector } from '../k8s/selector.js';
import type { PodTemplate } from '../k8s/workloads.js';
import { isPlainObject } from '../k8s/guards.js';
import type { K8sObject } from '../types.js';

/**
 * A PodDisruptionBudget's selector. In policy/v1 an empty or missing selector selects every Pod
 * of the namespace; in policy/v1beta1 it selects none (undefined here).
 * https://kubernetes.io/docs/tasks/run-application/configure-pdb/#arbitrary-controllers-and-selectors
 */
export function pdbSelector(pdb: K8sObject): LabelSelector | undefined {
  const spec = isPlainObject(pdb.body.spec) ? pdb.body.spec : {};
  const selector = selectorFromLabelSelector(spec.selector);
  const empty = !selector || (Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0);
  if (empty) return pdb.version === 'v1beta1' ? undefined : { matchLabels: {}, matchExpressions: [] };
  return selector;
}

/** A NetworkPolicy's podSelector (required by the API; an empty one selects every Pod of the namespace). */
export function networkPolicySelector(policy: K8sObject): LabelSelector {
  const spec = isPlainObject(policy.body.spec) ? policy.body.spec : {};
  return selectorFromLabelSelector(spec.podSelector) ?? { matchLabels: {}, matchExpressions: [] };
}

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
