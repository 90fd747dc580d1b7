import type { K8sObject } from '../types.js';
import { isPlainObject } from './guards.js';
import { isEmptySelector, selectorFromLabelSelector, type LabelSelector } from './selector.js';

/**
 * The Pods a selecting object means, one function per kind, shared by the graph and the rules.
 * Undefined: it selects no Pod.
 */

const EVERY_POD: LabelSelector = { matchLabels: {}, matchExpressions: [] };

/**
 * A PodDisruptionBudget's selector. A missing (null) selector selects no Pod; in policy/v1 an empty
 * one `{}` selects every Pod of the namespace (as a NetworkPolicy's `{}` does), in policy/v1beta1 none.
 * https://kubernetes.io/docs/tasks/run-application/configure-pdb/#arbitrary-controllers-and-selectors
 */
export function pdbSelector(pdb: K8sObject): LabelSelector | undefined {
  const spec = isPlainObject(pdb.body.spec) ? pdb.body.spec : {};
  const selector = selectorFromLabelSelector(spec.selector);
  if (!selector) return undefined;
  if (isEmptySelector(selector)) return pdb.version === 'v1beta1' ? undefined : EVERY_POD;
  return selector;
}

/** A NetworkPolicy's podSelector (required by the API; an empty one selects every Pod of the namespace). */
export function networkPolicySelector(policy: K8sObject): LabelSelector {
  const spec = isPlainObject(policy.body.spec) ? policy.body.spec : {};
  return selectorFromLabelSelector(spec.podSelector) ?? EVERY_POD;
}
