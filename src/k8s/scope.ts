/**
 * Kinds the API serves without a namespace (cluster-scoped), from the Kubernetes API reference
 * and the CRDs people commonly install. CRDs found in the input add their own (see load/index.ts).
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ComponentStatus',
  'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'VolumeAttributesClass',
  'ClusterRole', 'ClusterRoleBinding',
  'CustomResourceDefinition', 'APIService',
  'PriorityClass', 'RuntimeClass', 'IngressClass',
  'PodSecurityPolicy',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest', 'ClusterTrustBundle',
  'FlowSchema', 'PriorityLevelConfiguration',
  'IPAddress', 'ServiceCIDR', 'DeviceClass', 'ResourceSlice',
  'StorageVersionMigration', 'StorageVersion',
  'TokenReview', 'SelfSubjectReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview',
  // Popular CRDs
  'VolumeSnapshotClass', 'VolumeSnapshotContent', 'ClusterIssuer', 'GatewayClass',
  'ClusterPolicy', 'ClusterSecretStore', 'ClusterServiceVersion', 'ClusterAnalysisTemplate',
]);

/** `apps/v1` → { group: 'apps', version: 'v1' }; `v1` → { group: '', version: 'v1' }. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}
