import type { Rule } from '../src/engine/rule.js';
import danglingServiceSelector from './dangling-service-selector.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateObject from './duplicate-object.js';
import invalidObject from './invalid-object.js';
import invalidYaml from './invalid-yaml.js';
import fileTooLarge from './file-too-large.js';
import kustomizationSkipped from './kustomization-skipped.js';
import unrenderedTemplate from './unrendered-template.js';
import volumeMountMissingVolume from './volume-mount-missing-volume.js';
// Workload hygiene: identity, secrets, availability, jobs, namespaces (issue 6).
import defaultServiceAccount from './default-service-account.js';
import clusterAdminBinding from './cluster-admin-binding.js';
import wildcardRbacRules from './wildcard-rbac-rules.js';
import secretsAccess from './secrets-access.js';
import automountServiceAccountToken from './automount-service-account-token.js';
import secretInEnvLiteral from './secret-in-env-literal.js';
import duplicateEnvVar from './duplicate-env-var.js';
import singleReplica from './single-replica.js';
import missingPdb from './missing-pdb.js';
import pdbBlocksEviction from './pdb-blocks-eviction.js';
import missingAntiAffinity from './missing-anti-affinity.js';
import noRollingUpdate from './no-rolling-update.js';
import hpaReplicasConflict from './hpa-replicas-conflict.js';
import jobMissingTtl from './job-missing-ttl.js';
import cronjobMissingDeadline from './cronjob-missing-deadline.js';
import invalidRestartPolicy from './invalid-restart-policy.js';
import missingNamespace from './missing-namespace.js';
import missingNetworkPolicy from './missing-network-policy.js';
import unusedDisableDirective from './unused-disable-directive.js';

/** Every built-in rule. A new rule is one file in this folder plus one line here. */
export const RULES: readonly Rule[] = [
  invalidYaml,
  invalidObject,
  fileTooLarge,
  unrenderedTemplate,
  kustomizationSkipped,
  duplicateObject,
  danglingServiceSelector,
  duplicateContainerPort,
  volumeMountMissingVolume,
  defaultServiceAccount,
  clusterAdminBinding,
  wildcardRbacRules,
  secretsAccess,
  automountServiceAccountToken,
  secretInEnvLiteral,
  duplicateEnvVar,
  singleReplica,
  missingPdb,
  pdbBlocksEviction,
  missingAntiAffinity,
  noRollingUpdate,
  hpaReplicasConflict,
  jobMissingTtl,
  cronjobMissingDeadline,
  invalidRestartPolicy,
  missingNamespace,
  missingNetworkPolicy,
  unusedDisableDirective,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
