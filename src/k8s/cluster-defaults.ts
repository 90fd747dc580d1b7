/**
 * What every Kubernetes cluster has before anything is applied: objects a reference may name
 * without the input defining them.
 */

/** User-facing ClusterRoles (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles); every `system:` ClusterRole is bootstrap too. */
const BOOTSTRAP_CLUSTER_ROLES: ReadonlySet<string> = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/** Namespaced bootstrap Roles, as `namespace/name` (kube-apiserver's RBAC bootstrap policy). */
const BOOTSTRAP_ROLES: ReadonlySet<string> = new Set([
  'kube-system/extension-apiserver-authentication-reader',
  'kube-system/system::leader-locking-kube-controller-manager',
  'kube-system/system::leader-locking-kube-scheduler',
  'kube-system/system:controller:bootstrap-signer',
  'kube-system/system:controller:cloud-provider',
  'kube-system/system:controller:token-cleaner',
  'kube-public/system:controller:bootstrap-signer',
]);

/** Whether a Role or ClusterRole is one the API server creates at start-up. */
export function isBootstrapRole(kind: string, namespace: string | null, name: string): boolean {
  if (kind === 'ClusterRole') return BOOTSTRAP_CLUSTER_ROLES.has(name) || name.startsWith('system:');
  return kind === 'Role' && namespace !== null && BOOTSTRAP_ROLES.has(`${namespace}/${name}`);
}

/** The ServiceAccount every namespace gets. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';

/** The ConfigMap the root CA publisher writes into every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** The API server's own Service, `default/kubernetes`. */
export function isApiServerService(namespace: string | null, name: string): boolean {
  return namespace === 'default' && name === 'kubernetes';
}

/** Variables the kubelet sets in every container (the API server's Service). */
export const ALWAYS_SET_ENV: ReadonlySet<string> = new Set(['KUBERNETES_SERVICE_HOST', 'KUBERNETES_SERVICE_PORT', 'KUBERNETES_SERVICE_PORT_HTTPS', 'KUBERNETES_PORT']);

/**
 * Labels controllers add to the Pods they make, beyond the template's: a selector may name them.
 * Their values are per Pod (a hash, an ordinal, a uid), so a selector on one is satisfied by the
 * key alone.
 */
export const CONTROLLER_POD_LABELS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['pod-template-hash'],
  Rollout: ['rollouts-pod-template-hash'],
  StatefulSet: ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index', 'controller-revision-hash'],
  DaemonSet: ['controller-revision-hash', 'pod-template-generation'],
  Job: ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name', 'batch.kubernetes.io/job-completion-index'],
  CronJob: ['controller-uid', 'batch.kubernetes.io/controller-uid', 'job-name', 'batch.kubernetes.io/job-name'],
};
