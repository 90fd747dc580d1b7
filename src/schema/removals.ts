import { compareVersions, type ServedTable } from './store.js';
import { own } from '../own.js';

/**
 * API versions removed before 1.23 (the oldest release in the served table), from the
 * deprecated API migration guide: https://kubernetes.io/docs/reference/using-api/deprecation-guide/
 * `apiVersion/Kind` → the release that stopped serving it.
 */
const REMOVED_BEFORE_TABLE: Readonly<Record<string, string>> = {
  ...removedIn('1.16', 'extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet', 'NetworkPolicy', 'PodSecurityPolicy']),
  ...removedIn('1.16', 'apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision']),
  ...removedIn('1.16', 'apps/v1beta2', ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'ControllerRevision']),
  ...removedIn('1.22', 'extensions/v1beta1', ['Ingress']),
  ...removedIn('1.22', 'networking.k8s.io/v1beta1', ['Ingress', 'IngressClass']),
  ...removedIn('1.22', 'admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']),
  ...removedIn('1.22', 'apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition']),
  ...removedIn('1.22', 'apiregistration.k8s.io/v1beta1', ['APIService']),
  ...removedIn('1.22', 'authentication.k8s.io/v1beta1', ['TokenReview']),
  ...removedIn('1.22', 'authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview']),
  ...removedIn('1.22', 'certificates.k8s.io/v1beta1', ['CertificateSigningRequest']),
  ...removedIn('1.22', 'coordination.k8s.io/v1beta1', ['Lease']),
  ...removedIn('1.22', 'rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']),
  ...removedIn('1.22', 'scheduling.k8s.io/v1beta1', ['PriorityClass']),
  ...removedIn('1.22', 'storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment']),
};

/** The `apiVersion`s of the APIs removed before the served table starts (`extensions/v1beta1`, …). */
export function apiVersionsRemovedBeforeTable(): string[] {
  return [...new Set(Object.keys(REMOVED_BEFORE_TABLE).map((key) => key.slice(0, key.lastIndexOf('/'))))];
}

/** Kinds removed with no successor kind, and what replaces them instead. */
const SUCCESSORS: Readonly<Record<string, string>> = {
  PodSecurityPolicy: 'Pod Security Admission (pod-security.kubernetes.io/* namespace labels)',
};

/** What replaces a kind removed without a successor kind. */
export function successorOf(kind: string): string | undefined {
  return own(SUCCESSORS, kind);
}

function removedIn(version: string, apiVersion: string, kinds: string[]): Record<string, string> {
  return Object.fromEntries(kinds.map((k) => [`${apiVersion}/${k}`, version]));
}

export type ServedStatus =
  | { status: 'served' }
  | { status: 'removed'; removedIn: string; replacement: string | undefined }
  | { status: 'not-yet'; firstServed: string }
  | { status: 'unknown' };

/** Whether `target` serves `apiVersion` `kind`, and if not, since when (or from when) it does. */
export function servedStatus(table: ServedTable, target: string, apiVersion: string, kind: string): ServedStatus {
  const serves = (v: string) => own(own(table, v) ?? {}, apiVersion)?.includes(kind) ?? false;
  if (serves(target)) return { status: 'served' };
  const versions = Object.keys(table).sort(compareVersions);
  const older = versions.filter((v) => compareVersions(v, target) < 0);
  const lastServed = [...older].reverse().find(serves);
  const replacement = () => replacementFor(own(table, target) ?? {}, apiVersion, kind);
  if (lastServed) {
    const removed = versions.find((v) => compareVersions(v, lastServed) > 0) ?? target;
    return { status: 'removed', removedIn: removed, replacement: replacement() };
  }
  const early = own(REMOVED_BEFORE_TABLE, `${apiVersion}/${kind}`);
  if (early) return { status: 'removed', removedIn: early, replacement: replacement() };
  const firstServed = versions.find((v) => compareVersions(v, target) > 0 && serves(v));
  if (firstServed) return { status: 'not-yet', firstServed };
  return { status: 'unknown' };
}

/** The apiVersion to use instead: the same kind served by the target, in the same group first. */
function replacementFor(served: Record<string, string[]>, apiVersion: string, kind: string): string | undefined {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  const candidates = Object.keys(served).filter((av) => served[av].includes(kind));
  const rank = (av: string) => (groupOf(av) === group ? 0 : 1) * 1000 + stability(av) * 100 - majorVersion(av);
  candidates.sort((a, b) => rank(a) - rank(b));
  return candidates[0];
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** `autoscaling/v2` → 2: the newest major version is the natural successor. */
function majorVersion(apiVersion: string): number {
  return Number(/\/?v(\d+)/.exec(apiVersion.slice(apiVersion.lastIndexOf('/')))?.[1] ?? 0);
}

/** GA first, then beta, then alpha. */
function stability(apiVersion: string): number {
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return version.includes('alpha') ? 2 : version.includes('beta') ? 1 : 0;
}
