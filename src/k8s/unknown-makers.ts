/**
 * Custom resources of kinds kubeknit does not know: an operator may make Secrets, Services and Pods
 * from them that no table lists (CloudNativePG's `<cluster>-app` Secret, ECK's `<name>-kb-http`
 * Service…). A reference they may satisfy is reported at a lower severity, naming them.
 */
import type { ObjectSet } from '../load/object-set.js';
import type { K8sObject } from '../types.js';
import type { ClusterInventory } from './cluster-inventory.js';
import { isBuiltInGroup } from './api-groups.js';
import { isProducerKind } from './producers.js';
import { workloadKind } from './workload-kinds.js';

/**
 * API groups whose kinds kubeknit knows (its rules and tables cover them) and that make no objects
 * beyond those tables: monitoring configuration, routing, policy, certificates, Argo Rollouts' analysis.
 */
const KNOWN_GROUPS: ReadonlySet<string> = new Set([
  'monitoring.coreos.com', 'networking.istio.io', 'security.istio.io', 'telemetry.istio.io', 'cert-manager.io', 'acme.cert-manager.io',
  'argoproj.io', 'external-secrets.io', 'bitnami.com', 'keda.sh', 'traefik.io', 'traefik.containo.us', 'policy.linkerd.io',
]);

/** Whether an object is a custom resource whose controller kubeknit knows nothing about. */
export function isUnknownCustomResource(obj: K8sObject): boolean {
  if (obj.namespace === null || obj.group === '' || isBuiltInGroup(obj.group) || obj.group === 'k8s.io' || obj.group.endsWith('.k8s.io')) return false;
  return !KNOWN_GROUPS.has(obj.group) && !workloadKind(obj.kind) && !isProducerKind(obj.kind);
}

/** Custom resources of unknown kinds in a namespace, in input order. */
export function unknownCustomResources(objects: ObjectSet, namespace: string | null): K8sObject[] {
  return [...objects].filter((obj) => obj.namespace === namespace && isUnknownCustomResource(obj));
}

/** The unknown-kind custom resource in the namespace whose name the missing object's name contains, if any. */
export function likelyMaker(objects: ObjectSet, namespace: string, name: string): K8sObject | undefined {
  return unknownCustomResources(objects, namespace).find((cr) => cr.name.length >= 2 && name.includes(cr.name));
}

/** `Kafka "events", KafkaUser "app"`: how a finding names them. */
export function describeResources(resources: readonly K8sObject[], limit = 3): string {
  const shown = resources.slice(0, limit).map((r) => `${r.kind} "${r.name}"`).join(', ');
  return resources.length > limit ? `${shown} and ${resources.length - limit} more` : shown;
}

/**
 * Why a selector that matches no Pod of the input in a namespace may still match at run time:
 * `declared`: the inventory's `podMakers` lists a kind present there (nothing to report);
 * `unknown`: custom resources of unknown kinds there (at most a warning that names them).
 */
export function podMakersIn(objects: ObjectSet, namespace: string | null, cluster: ClusterInventory | undefined): { declared: boolean; unknown: K8sObject[] } {
  const unknown = unknownCustomResources(objects, namespace);
  const makers = cluster?.podMakers ?? [];
  return { declared: makers.length > 0 && unknown.some((cr) => makers.includes(cr.kind)), unknown };
}
