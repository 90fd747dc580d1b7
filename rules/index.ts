import type { Rule } from '../src/engine/rule.js';
import danglingServiceSelector from './dangling-service-selector.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateObject from './duplicate-object.js';
import invalidObject from './invalid-object.js';
import invalidYaml from './invalid-yaml.js';
import volumeMountMissingVolume from './volume-mount-missing-volume.js';
import workloadSelectorMismatch from './workload-selector-mismatch.js';
import overlappingWorkloadSelectors from './overlapping-workload-selectors.js';
import danglingIngressBackend from './dangling-ingress-backend.js';
import danglingNetworkpolicySelector from './dangling-networkpolicy-selector.js';
import danglingPdbSelector from './dangling-pdb-selector.js';
import danglingHpaTarget from './dangling-hpa-target.js';
import missingServiceAccount from './missing-service-account.js';
import missingConfigmap from './missing-configmap.js';
import missingSecret from './missing-secret.js';
import missingConfigmapKey from './missing-configmap-key.js';
import missingSecretKey from './missing-secret-key.js';
import statefulsetMissingService from './statefulset-missing-service.js';
import danglingRoleBinding from './dangling-role-binding.js';
import danglingServiceReference from './dangling-service-reference.js';
import orphanObject from './orphan-object.js';

/** Every built-in rule. A new rule is one file in this folder plus one line here. */
export const RULES: readonly Rule[] = [
  invalidYaml,
  invalidObject,
  duplicateObject,
  danglingServiceSelector,
  duplicateContainerPort,
  volumeMountMissingVolume,
  workloadSelectorMismatch,
  overlappingWorkloadSelectors,
  danglingIngressBackend,
  danglingNetworkpolicySelector,
  danglingPdbSelector,
  danglingHpaTarget,
  missingServiceAccount,
  missingConfigmap,
  missingSecret,
  missingConfigmapKey,
  missingSecretKey,
  statefulsetMissingService,
  danglingRoleBinding,
  danglingServiceReference,
  orphanObject,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
