import { sameJson, valueAt, type ObjectChange } from './changes.js';

/** A change `kubectl apply` cannot make in place: the object must be deleted and created again. */
export interface ImmutableChange {
  id: string;
  kind: string;
  name: string;
  namespace: string | null;
  field: string;
  message: string;
}

/**
 * Fields the API server refuses to change after creation, by kind (see the API reference of each
 * kind: https://kubernetes.io/docs/reference/kubernetes-api/). StatefulSet allows changes only to
 * replicas, template, updateStrategy, minReadySeconds, ordinals and the PVC retention policy.
 */
const IMMUTABLE_FIELDS: Record<string, readonly string[]> = {
  Deployment: ['spec.selector'],
  ReplicaSet: ['spec.selector'],
  DaemonSet: ['spec.selector'],
  StatefulSet: ['spec.selector', 'spec.serviceName', 'spec.volumeClaimTemplates', 'spec.podManagementPolicy'],
  Job: ['spec.selector', 'spec.template'],
  PersistentVolumeClaim: ['spec.storageClassName', 'spec.accessModes', 'spec.volumeMode', 'spec.volumeName', 'spec.selector', 'spec.dataSource'],
  Service: ['spec.clusterIP'],
};

/** The immutable fields each changed object changes; a ConfigMap or Secret marked `immutable: true` counts its data. */
export function immutableChanges(changes: readonly ObjectChange[]): ImmutableChange[] {
  const out: ImmutableChange[] = [];
  for (const change of changes) {
    if (change.change !== 'changed' || !change.before || !change.after) continue;
    const fields = Object.hasOwn(IMMUTABLE_FIELDS, change.kind) ? [...IMMUTABLE_FIELDS[change.kind]] : [];
    if ((change.kind === 'ConfigMap' || change.kind === 'Secret') && change.before.body.immutable === true) fields.push('data', 'binaryData', 'stringData');
    for (const field of fields) {
      const was = valueAt(change.before.body, field);
      const now = valueAt(change.after.body, field);
      if (sameJson(was, now)) continue;
      out.push({
        id: change.id, kind: change.kind, name: change.name, namespace: change.namespace, field,
        message: `${change.kind} "${change.name}" changes ${field}, which cannot change once created: kubectl apply fails until the object is deleted and created again`,
      });
    }
  }
  return out;
}
