/**
 * Enumerations of the Kubernetes API. The OpenAPI documents state them only in prose
 * ("Must be UDP, TCP, or SCTP"), so they are kept here, from the API reference
 * (https://kubernetes.io/docs/reference/kubernetes-api/), and merged into the converted schemas.
 * Keys are `<definition>.<property>`; for a list property the values apply to its items.
 */
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Filesystem', 'Block'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const CORE = 'io.k8s.api.core.v1';

export const API_ENUMS: Readonly<Record<string, readonly string[]>> = {
  [`${CORE}.ContainerPort.protocol`]: PROTOCOLS,
  [`${CORE}.ServicePort.protocol`]: PROTOCOLS,
  [`${CORE}.EndpointPort.protocol`]: PROTOCOLS,
  'io.k8s.api.discovery.v1.EndpointPort.protocol': PROTOCOLS,
  'io.k8s.api.networking.v1.NetworkPolicyPort.protocol': PROTOCOLS,
  [`${CORE}.Container.imagePullPolicy`]: PULL_POLICIES,
  [`${CORE}.EphemeralContainer.imagePullPolicy`]: PULL_POLICIES,
  [`${CORE}.Container.terminationMessagePolicy`]: ['File', 'FallbackToLogsOnError'],
  [`${CORE}.EphemeralContainer.terminationMessagePolicy`]: ['File', 'FallbackToLogsOnError'],
  [`${CORE}.PodSpec.restartPolicy`]: ['Always', 'OnFailure', 'Never'],
  [`${CORE}.PodSpec.dnsPolicy`]: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
  [`${CORE}.PodSpec.preemptionPolicy`]: ['PreemptLowerPriority', 'Never'],
  [`${CORE}.ServiceSpec.type`]: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
  [`${CORE}.ServiceSpec.externalTrafficPolicy`]: TRAFFIC_POLICIES,
  [`${CORE}.ServiceSpec.internalTrafficPolicy`]: TRAFFIC_POLICIES,
  [`${CORE}.ServiceSpec.sessionAffinity`]: ['ClientIP', 'None'],
  [`${CORE}.ServiceSpec.ipFamilyPolicy`]: ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  [`${CORE}.ServiceSpec.ipFamilies`]: ['IPv4', 'IPv6'],
  [`${CORE}.PersistentVolumeClaimSpec.accessModes`]: ACCESS_MODES,
  [`${CORE}.PersistentVolumeSpec.accessModes`]: ACCESS_MODES,
  [`${CORE}.PersistentVolumeClaimSpec.volumeMode`]: VOLUME_MODES,
  [`${CORE}.PersistentVolumeSpec.volumeMode`]: VOLUME_MODES,
  [`${CORE}.PersistentVolumeSpec.persistentVolumeReclaimPolicy`]: ['Retain', 'Delete', 'Recycle'],
  'io.k8s.api.storage.v1.StorageClass.reclaimPolicy': ['Retain', 'Delete'],
  'io.k8s.api.storage.v1.StorageClass.volumeBindingMode': ['Immediate', 'WaitForFirstConsumer'],
  [`${CORE}.Taint.effect`]: TAINT_EFFECTS,
  [`${CORE}.Toleration.effect`]: TAINT_EFFECTS,
  [`${CORE}.NodeSelectorRequirement.operator`]: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement.operator': ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  [`${CORE}.HTTPGetAction.scheme`]: ['HTTP', 'HTTPS'],
  [`${CORE}.SeccompProfile.type`]: ['RuntimeDefault', 'Unconfined', 'Localhost'],
  [`${CORE}.HostPathVolumeSource.type`]: ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
  'io.k8s.api.networking.v1.HTTPIngressPath.pathType': PATH_TYPES,
  'io.k8s.api.networking.v1beta1.HTTPIngressPath.pathType': PATH_TYPES,
  'io.k8s.api.networking.v1.NetworkPolicySpec.policyTypes': ['Ingress', 'Egress'],
  'io.k8s.api.apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type': ['RollingUpdate', 'OnDelete'],
  'io.k8s.api.apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'io.k8s.api.batch.v1beta1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'io.k8s.api.batch.v1.JobSpec.completionMode': ['NonIndexed', 'Indexed'],
};

/**
 * Fields the OpenAPI documents list as required although the API server fills them in by
 * defaulting before it validates (the documents mark required every field without `omitempty`).
 */
export const DEFAULTED_REQUIRED: ReadonlySet<string> = new Set([
  'io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern.status', // defaults to True
]);
