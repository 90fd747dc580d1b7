import type { Rule } from '../src/rule-api.js';
import danglingServiceSelector from './dangling-service-selector.js';
import duplicateContainerPort from './duplicate-container-port.js';
import duplicateObject from './duplicate-object.js';
import invalidObject from './invalid-object.js';
import invalidYaml from './invalid-yaml.js';
import fileTooLarge from './file-too-large.js';
import kustomizationSkipped from './kustomization-skipped.js';
import kustomizeBuildFailed from './kustomize-build-failed.js';
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
// workload hygiene and security (issue 6)
import latestTag from './latest-tag.js';
import imageRegistryAllowlist from './image-registry-allowlist.js';
import missingResourceRequests from './missing-resource-requests.js';
import missingResourceLimits from './missing-resource-limits.js';
import requestsExceedLimits from './requests-exceed-limits.js';
import missingReadinessProbe from './missing-readiness-probe.js';
import missingLivenessProbe from './missing-liveness-probe.js';
import identicalProbes from './identical-probes.js';
import privilegedContainer from './privileged-container.js';
import privilegeEscalationAllowed from './privilege-escalation-allowed.js';
import runAsRoot from './run-as-root.js';
import writableRootFilesystem from './writable-root-filesystem.js';
import dangerousCapabilities from './dangerous-capabilities.js';
import dropNetRaw from './drop-net-raw.js';
import dropAllCapabilities from './drop-all-capabilities.js';
import hostNamespaces from './host-namespaces.js';
import dockerSocketMount from './docker-socket-mount.js';
import unsafeSysctls from './unsafe-sysctls.js';
import unsafeProcMount from './unsafe-proc-mount.js';
import privilegedPorts from './privileged-ports.js';
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
import schemaViolation from './schema-violation.js';
import removedApi from './removed-api.js';
import unknownKind from './unknown-kind.js';
import invalidMetadata from './invalid-metadata.js';
// Resources beside the core: Gateway API, Prometheus operator, cert-manager, Istio, Argo Rollouts (issue 21)
import danglingRouteBackend from './dangling-route-backend.js';
import danglingRouteParent from './dangling-route-parent.js';
import missingReferenceGrant from './missing-reference-grant.js';
import danglingServicemonitorSelector from './dangling-servicemonitor-selector.js';
import servicemonitorPortMismatch from './servicemonitor-port-mismatch.js';
import danglingPodmonitorSelector from './dangling-podmonitor-selector.js';
import danglingIssuerRef from './dangling-issuer-ref.js';
import danglingVirtualserviceDestination from './dangling-virtualservice-destination.js';
import danglingVirtualserviceGateway from './dangling-virtualservice-gateway.js';
import danglingDestinationSubset from './dangling-destination-subset.js';
import danglingRolloutReference from './dangling-rollout-reference.js';
// Pod Security Standards and the remaining security gaps (issue 21)
import missingSeccompProfile from './missing-seccomp-profile.js';
import hostPathVolume from './host-path-volume.js';
import hostPort from './host-port.js';
import apparmorProfile from './apparmor-profile.js';
import selinuxOptions from './selinux-options.js';
import restrictedVolumeTypes from './restricted-volume-types.js';
import exposedService from './exposed-service.js';
import missingEphemeralStorageLimits from './missing-ephemeral-storage-limits.js';
import imagePullPolicy from './image-pull-policy.js';
// API-server validation beyond the schema (issue 18)
import invalidPodSpec from './invalid-pod-spec.js';
import invalidJobSpec from './invalid-job-spec.js';
import invalidRbacBinding from './invalid-rbac-binding.js';
import invalidHpaTarget from './invalid-hpa-target.js';
import invalidServiceSpec from './invalid-service-spec.js';
import invalidCrdSchema from './invalid-crd-schema.js';

/** Every built-in rule. A new rule is one file in this folder plus one line here. */
export const RULES: readonly Rule[] = [
  invalidYaml,
  invalidObject,
  fileTooLarge,
  unrenderedTemplate,
  kustomizationSkipped,
  kustomizeBuildFailed,
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
  // workload hygiene and security (issue 6)
  latestTag,
  imageRegistryAllowlist,
  missingResourceRequests,
  missingResourceLimits,
  requestsExceedLimits,
  missingReadinessProbe,
  missingLivenessProbe,
  identicalProbes,
  privilegedContainer,
  privilegeEscalationAllowed,
  runAsRoot,
  writableRootFilesystem,
  dangerousCapabilities,
  dropNetRaw,
  dropAllCapabilities,
  hostNamespaces,
  dockerSocketMount,
  unsafeSysctls,
  unsafeProcMount,
  privilegedPorts,
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
  schemaViolation,
  removedApi,
  unknownKind,
  invalidMetadata,
  danglingRouteBackend,
  danglingRouteParent,
  missingReferenceGrant,
  danglingServicemonitorSelector,
  servicemonitorPortMismatch,
  danglingPodmonitorSelector,
  danglingIssuerRef,
  danglingVirtualserviceDestination,
  danglingVirtualserviceGateway,
  danglingDestinationSubset,
  danglingRolloutReference,
  missingSeccompProfile,
  hostPathVolume,
  hostPort,
  apparmorProfile,
  selinuxOptions,
  restrictedVolumeTypes,
  exposedService,
  missingEphemeralStorageLimits,
  imagePullPolicy,
  invalidPodSpec,
  invalidJobSpec,
  invalidRbacBinding,
  invalidHpaTarget,
  invalidServiceSpec,
  invalidCrdSchema,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
