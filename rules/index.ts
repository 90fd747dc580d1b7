import type { Rule } from '../src/engine/rule.js';
import danglingServiceSelector from './dangling-service-selector.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateObject from './duplicate-object.js';
import invalidObject from './invalid-object.js';
import invalidYaml from './invalid-yaml.js';
import volumeMountMissingVolume from './volume-mount-missing-volume.js';
// Ports and volumes (issue 3)
import serviceTargetPortMismatch from './service-target-port-mismatch.js';
import hostPortClash from './host-port-clash.js';
import nodePortClash from './node-port-clash.js';
import duplicateServicePort from './duplicate-service-port.js';
import probePortMismatch from './probe-port-mismatch.js';
import unusedVolume from './unused-volume.js';
import duplicateMountPath from './duplicate-mount-path.js';
import missingPvc from './missing-pvc.js';
import missingStorageClass from './missing-storage-class.js';
import pvcUnbindable from './pvc-unbindable.js';
import pvClaimMismatch from './pv-claim-mismatch.js';
import rwoVolumeShared from './rwo-volume-shared.js';
import sensitiveHostPath from './sensitive-host-path.js';
import localPvMissingNodeAffinity from './local-pv-missing-node-affinity.js';
import localStorageImmediateBinding from './local-storage-immediate-binding.js';

/** Every built-in rule. A new rule is one file in this folder plus one line here. */
export const RULES: readonly Rule[] = [
  invalidYaml,
  invalidObject,
  duplicateObject,
  danglingServiceSelector,
  duplicateContainerPort,
  volumeMountMissingVolume,
  serviceTargetPortMismatch,
  hostPortClash,
  nodePortClash,
  duplicateServicePort,
  probePortMismatch,
  unusedVolume,
  duplicateMountPath,
  missingPvc,
  missingStorageClass,
  pvcUnbindable,
  pvClaimMismatch,
  rwoVolumeShared,
  sensitiveHostPath,
  localPvMissingNodeAffinity,
  localStorageImmediateBinding,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
