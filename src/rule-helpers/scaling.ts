import { isPlainObject } from '../k8s/guards.js';
import type { ObjectSet } from '../load/object-set.js';
import type { K8sObject } from '../types.js';
import { podTemplateOf } from '../k8s/workloads.js';

/** An autoscaler (HorizontalPodAutoscaler or KEDA ScaledObject) and the workload it scales. */
export interface Autoscaler {
  object: K8sObject;
  /** The fewest replicas it scales the target down to. */
  minReplicas: number;
  /** Field path of `minReplicas` (or of the spec when it is omitted). */
  minReplicasPath: string;
}

/** Autoscalers by the id of the workload they target (same namespace, by kind and name). */
export function autoscalersByTarget(objects: ObjectSet): Map<string, Autoscaler[]> {
  const byTarget = new Map<string, Autoscaler[]>();
  for (const obj of objects.ofKind('HorizontalPodAutoscaler', 'ScaledObject')) {
    const spec = obj.body.spec;
    if (obj.kind === 'ScaledObject' && obj.group !== 'keda.sh') continue;
    if (!isPlainObject(spec) || !isPlainObject(spec.scaleTargetRef) || obj.namespace === null) continue;
    const ref = spec.scaleTargetRef;
    if (typeof ref.name !== 'string') continue;
    // KEDA's scaleTargetRef.kind defaults to Deployment; an HPA's is required.
    const kind = typeof ref.kind === 'string' ? ref.kind : 'Deployment';
    const isHpa = obj.kind === 'HorizontalPodAutoscaler';
    const field = isHpa ? 'minReplicas' : 'minReplicaCount';
    // Defaults: an HPA keeps at least 1 replica, a ScaledObject may scale to 0.
    const declared = spec[field];
    const minReplicas = typeof declared === 'number' ? declared : isHpa ? 1 : 0;
    const id = `${kind}/${obj.namespace}/${ref.name}`;
    let list = byTarget.get(id);
    if (!list) byTarget.set(id, (list = []));
    list.push({ object: obj, minReplicas, minReplicasPath: typeof declared === 'number' ? `spec.${field}` : 'spec' });
  }
  return byTarget;
}

/** `spec.replicas` is set but is no whole number (`.nan`, `2.5`, a string): schema-violation's to report, no count to judge. */
export function replicasUnreadable(obj: K8sObject): boolean {
  const spec = obj.body.spec;
  return isPlainObject(spec) && spec.replicas !== undefined && spec.replicas !== null && !Number.isInteger(spec.replicas);
}

/** `spec.replicas` as written, or undefined when omitted (the API then defaults it to 1). */
export function declaredReplicas(obj: K8sObject): number | undefined {
  const spec = obj.body.spec;
  return isPlainObject(spec) && Number.isInteger(spec.replicas) ? (spec.replicas as number) : undefined;
}

/**
 * The fewest Pods a workload runs: an autoscaler's minimum when one scales it, else its replicas
 * (default 1; Infinity for a DaemonSet, whose count depends on the nodes).
 */
export function lowestReplicas(obj: K8sObject, autoscalers: Map<string, Autoscaler[]>): number {
  const scalers = autoscalers.get(obj.id);
  if (scalers?.length) return Math.min(...scalers.map((s) => s.minReplicas));
  return podTemplateOf(obj)?.replicas ?? declaredReplicas(obj) ?? 1;
}

/** Where a finding about replicas points: `spec.replicas`, or `spec` when it is omitted. */
export function replicasPath(obj: K8sObject): string {
  return declaredReplicas(obj) === undefined ? 'spec' : 'spec.replicas';
}
