import { isPlainObject } from '../../k8s/guards.js';
import type { ObjectSet } from '../../load/object-set.js';
import type { JsonObject, K8sObject } from '../../types.js';
import type { KnitGraph } from '../graph.js';
import { selectorFromLabelSelector, selectorMatches, type LabelSelector } from '../../k8s/selector.js';
import type { EdgeBuilder } from './types.js';

/** A `podSelector` of a NetworkPolicy (its own, or a peer's) with where it applies. */
export interface PolicySelector {
  selector: LabelSelector;
  path: string;
  /** The namespaces the selector looks in: the policy's own, or those a peer's namespaceSelector picks. */
  namespaces: string[];
  /** A peer (ingress `from` / egress `to`), not the policy's own `spec.podSelector`. */
  peer: boolean;
  /** The peer names namespaces by a namespaceSelector. */
  crossNamespace: boolean;
}

/**
 * NetworkPolicy → the Pods it applies to (`spec.podSelector`) and the Pods its ingress/egress peers
 * allow (`podSelector`, in the policy's namespace, or in the namespaces a `namespaceSelector` picks).
 * Peers with only a namespaceSelector or an ipBlock are not drawn: they stand for whole namespaces or
 * addresses, not for Pods of the input.
 */
export const networkPolicyEdges: EdgeBuilder = (graph, objects) => {
  for (const policy of objects.ofKind('NetworkPolicy')) {
    for (const sel of policySelectors(policy, graph, objects)) {
      for (const ns of sel.namespaces) {
        for (const pod of graph.podsMatching(ns, sel.selector)) graph.addEdge({ from: policy.id, to: pod.nodeId, type: 'selects', path: sel.path });
      }
    }
  }
};

export function policySelectors(policy: K8sObject, graph: KnitGraph, objects: ObjectSet): PolicySelector[] {
  const spec = policy.body.spec;
  if (!isPlainObject(spec) || policy.namespace === null) return [];
  const out: PolicySelector[] = [];
  const own = selectorFromLabelSelector(spec.podSelector);
  if (own) out.push({ selector: own, path: 'spec.podSelector', namespaces: [policy.namespace], peer: false, crossNamespace: false });
  for (const [direction, peersField] of [['ingress', 'from'], ['egress', 'to']] as const) {
    const rules = spec[direction];
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule, r) => {
      if (!isPlainObject(rule) || !Array.isArray(rule[peersField])) return;
      (rule[peersField] as unknown[]).forEach((peer, p) => {
        if (!isPlainObject(peer)) return;
        const selector = selectorFromLabelSelector(peer.podSelector);
        if (!selector) return;
        const crossNamespace = isPlainObject(peer.namespaceSelector);
        const namespaces = crossNamespace ? namespacesMatching(peer.namespaceSelector as JsonObject, graph, objects) : [policy.namespace as string];
        out.push({ selector, path: `spec.${direction}[${r}].${peersField}[${p}].podSelector`, namespaces, peer: true, crossNamespace });
      });
    });
  }
  return out;
}

/** Namespaces with Pods whose labels (from a Namespace object, plus `kubernetes.io/metadata.name`) a selector matches. */
function namespacesMatching(value: JsonObject, graph: KnitGraph, objects: ObjectSet): string[] {
  const selector = selectorFromLabelSelector(value);
  if (!selector) return [];
  return graph.podNamespaces().filter((ns) => {
    const labels = { ...(objects.find('Namespace', null, ns)?.labels ?? {}), 'kubernetes.io/metadata.name': ns };
    return selectorMatches(selector, labels);
  });
}
