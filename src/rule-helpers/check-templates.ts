/**
 * Check templates, as kube-linter has them: one check written once, which rules instantiate with
 * parameters (the field, the values that fail, the platforms it applies to). Each rule keeps its
 * own file, id and messages.
 */
import { containerSecurityContext, isWindowsPod, workloadContainers, type WorkloadContainer } from '../k8s/containers.js';
import { isPlainObject } from '../k8s/guards.js';
import { podVolumes, type PodVolume } from '../k8s/volumes.js';
import { podTemplateOf, type PodTemplate } from '../k8s/workloads.js';
import type { JsonObject, JsonValue, K8sObject } from '../types.js';

export interface SecurityFieldCheck {
  /** The container `securityContext` field checked, e.g. `privileged`. */
  field: string;
  /** Skip Pods that declare `os.name: windows` (the field is Linux-only). */
  linuxOnly?: boolean;
  /** Whether the value (undefined when unset) fails the check; `context` is the whole securityContext. */
  fails: (value: JsonValue | undefined, context: JsonObject, ref: WorkloadContainer) => boolean;
}

export interface SecurityFieldFailure {
  ref: WorkloadContainer;
  value: JsonValue | undefined;
  /** Field path of the field, set or not (`….securityContext.privileged`). */
  path: string;
}

/** Every container of a workload whose securityContext field fails the check. */
export function* securityFieldFailures(objects: Iterable<K8sObject>, check: SecurityFieldCheck): Generator<SecurityFieldFailure> {
  for (const ref of workloadContainers(objects)) {
    if (check.linuxOnly && isWindowsPod(ref.template)) continue;
    const { context, path } = containerSecurityContext(ref);
    const value = context[check.field];
    if (check.fails(value, context, ref)) yield { ref, value, path: `${path}.${check.field}` };
  }
}

export interface HostPathVolume {
  object: K8sObject;
  template: PodTemplate;
  volume: PodVolume;
  /** `hostPath.path` as written. */
  hostPath: string;
  /** Field path of `hostPath.path`. */
  path: string;
}

/** Every hostPath volume of every object that runs Pods, in input and volume order. */
export function* hostPathVolumes(objects: Iterable<K8sObject>): Generator<HostPathVolume> {
  for (const object of objects) {
    const template = podTemplateOf(object);
    if (!template) continue;
    for (const volume of podVolumes(template)) {
      const source = volume.volume.hostPath;
      if (isPlainObject(source) && typeof source.path === 'string') yield { object, template, volume, hostPath: source.path, path: `${volume.path}.hostPath.path` };
    }
  }
}
