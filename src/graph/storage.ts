/**
 * How Kubernetes matches claims, volumes and classes: shared by the `binds`/`provisions` edges and
 * the volume rules, so both agree on what "would bind" means.
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding
 */
import type { ObjectSet } from '../load/object-set.js';
import { isPlainObject } from '../load/parse.js';
import type { JsonObject, K8sObject } from '../types.js';
import { parseQuantity } from './quantity.js';
import { selectorFromLabelSelector, selectorMatches } from './selector.js';
import { podVolumes } from './volumes.js';
import { podTemplateOf } from './workloads.js';

/** The provisioner of classes that only bind pre-made (static) volumes, such as local volumes. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] as const;

/**
 * A claim: a PersistentVolumeClaim of the input, a StatefulSet's volumeClaimTemplate, or the
 * claim template of a Pod's `ephemeral` volume.
 */
export interface Claim {
  /** The PVC itself, or the StatefulSet that holds the template. */
  owner: K8sObject;
  namespace: string;
  /**
   * The PVC's name; for a StatefulSet template its `metadata.name` (real claims are
   * `<name>-<statefulset>-<ordinal>`); for an ephemeral volume, the volume's name.
   */
  name: string;
  /** Whether the claim is a template (real claims are made per replica or per Pod at run time). */
  template: boolean;
  spec: JsonObject;
  /** Field path of the claim's spec (`spec`, or `spec.volumeClaimTemplates[0].spec`). */
  specPath: string;
  /** The claim's annotations (the legacy storage-class annotation lives there). */
  annotations: Record<string, string>;
}

/** Every claim in the input: PVC objects and StatefulSet volumeClaimTemplates. */
export function claimsOf(objects: ObjectSet): Claim[] {
  const claims: Claim[] = [];
  for (const pvc of objects.ofKind('PersistentVolumeClaim')) {
    if (pvc.namespace === null) continue;
    claims.push({ owner: pvc, namespace: pvc.namespace, name: pvc.name, template: false, spec: specOf(pvc.body), specPath: 'spec', annotations: pvc.annotations });
  }
  for (const sts of objects.ofKind('StatefulSet')) {
    const templates = isPlainObject(sts.body.spec) ? sts.body.spec.volumeClaimTemplates : undefined;
    if (sts.namespace === null || !Array.isArray(templates)) continue;
    templates.forEach((tpl, i) => {
      if (!isPlainObject(tpl)) return;
      const metadata = isPlainObject(tpl.metadata) ? tpl.metadata : {};
      if (typeof metadata.name !== 'string') return;
      const annotations: Record<string, string> = {};
      if (isPlainObject(metadata.annotations)) for (const [k, v] of Object.entries(metadata.annotations)) if (typeof v === 'string') annotations[k] = v;
      claims.push({ owner: sts, namespace: sts.namespace as string, name: metadata.name, template: true, spec: specOf(tpl), specPath: `spec.volumeClaimTemplates[${i}].spec`, annotations });
    });
  }
  for (const obj of objects) {
    const pod = podTemplateOf(obj);
    if (!pod || obj.kind === 'PodTemplate') continue;
    for (const volume of podVolumes(pod)) {
      const ephemeral = volume.volume.ephemeral;
      const tpl = isPlainObject(ephemeral) && isPlainObject(ephemeral.volumeClaimTemplate) ? ephemeral.volumeClaimTemplate : undefined;
      if (tpl) claims.push({ owner: obj, namespace: pod.namespace, name: volume.name, template: true, spec: specOf(tpl), specPath: `${volume.path}.ephemeral.volumeClaimTemplate.spec`, annotations: {} });
    }
  }
  return claims;
}

/** How messages name a claim: `PersistentVolumeClaim "data"`, `volumeClaimTemplate "data"`, `ephemeral volume "scratch"`. */
export function describeClaim(claim: Claim): string {
  if (!claim.template) return `PersistentVolumeClaim "${claim.name}"`;
  return claim.owner.kind === 'StatefulSet' && claim.specPath.startsWith('spec.volumeClaimTemplates') ? `volumeClaimTemplate "${claim.name}"` : `ephemeral volume "${claim.name}"`;
}

function specOf(body: JsonObject): JsonObject {
  return isPlainObject(body.spec) ? body.spec : {};
}

/** How a claim or volume names its class: a name, `""` (explicitly none), or undefined (omitted). */
export function storageClassNameOf(spec: JsonObject, annotations: Record<string, string>): string | undefined {
  if (typeof spec.storageClassName === 'string') return spec.storageClassName;
  // The beta annotation predates the field and is still honoured.
  return annotations['volume.beta.kubernetes.io/storage-class'];
}

/** The StorageClass the input marks as the cluster default, if any. */
export function defaultStorageClass(objects: ObjectSet): K8sObject | undefined {
  return objects.ofKind('StorageClass').find((sc) => sc.annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || sc.annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true');
}

/** The class a claim ends up with: its own, else the default class's (set on admission), else none. */
export function effectiveClaimClass(claim: Claim, defaultClass: K8sObject | undefined): string {
  return storageClassNameOf(claim.spec, claim.annotations) ?? defaultClass?.name ?? '';
}

export function accessModesOf(spec: JsonObject): string[] {
  return Array.isArray(spec.accessModes) ? spec.accessModes.filter((m): m is string => typeof m === 'string') : [];
}

/** Modes the claim asks for that the volume does not offer. */
export function uncoveredAccessModes(claimModes: readonly string[], volumeModes: readonly string[]): string[] {
  return claimModes.filter((mode) => !volumeModes.includes(mode));
}

/** The storage a claim requests, in bytes (undefined when absent or unreadable). */
export function requestedStorage(spec: JsonObject): number | undefined {
  const resources = isPlainObject(spec.resources) ? spec.resources : {};
  const requests = isPlainObject(resources.requests) ? resources.requests : {};
  return parseQuantity(requests.storage);
}

/** The capacity of a PersistentVolume, in bytes. */
export function volumeCapacity(pv: K8sObject): number | undefined {
  const spec = specOf(pv.body);
  return isPlainObject(spec.capacity) ? parseQuantity(spec.capacity.storage) : undefined;
}

export function volumeModeOf(spec: JsonObject): string {
  return typeof spec.volumeMode === 'string' ? spec.volumeMode : 'Filesystem';
}

/** Where a PersistentVolume is reserved for one claim (`spec.claimRef`), if it is. */
export function claimRefOf(pv: K8sObject): { namespace?: string; name?: string } | undefined {
  const spec = specOf(pv.body);
  if (!isPlainObject(spec.claimRef)) return undefined;
  const { namespace, name } = spec.claimRef;
  return { namespace: typeof namespace === 'string' ? namespace : undefined, name: typeof name === 'string' ? name : undefined };
}

/** Whether a claimRef names this claim (for a template, one of the claims it makes). */
export function claimRefNames(ref: { namespace?: string; name?: string }, claim: Claim): boolean {
  if (ref.namespace !== undefined && ref.namespace !== claim.namespace) return false;
  if (ref.name === undefined) return true;
  if (!claim.template) return ref.name === claim.name;
  return new RegExp(`^${escapeRegExp(`${claim.name}-${claim.owner.name}-`)}\\d+$`).test(ref.name);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why a PersistentVolume could not be bound to a claim, or an empty list when it could. */
export function bindingProblems(pv: K8sObject, claim: Claim, claimClass: string): string[] {
  const spec = specOf(pv.body);
  const problems: string[] = [];
  const ref = claimRefOf(pv);
  if (ref && !claimRefNames(ref, claim)) problems.push(`it is reserved for claim "${ref.namespace ?? '?'}/${ref.name ?? '?'}" (spec.claimRef)`);
  const pvClass = storageClassNameOf(spec, pv.annotations) ?? '';
  if (pvClass !== claimClass) problems.push(`its storageClassName is ${quoteClass(pvClass)}, the claim's is ${quoteClass(claimClass)}`);
  const missingModes = uncoveredAccessModes(accessModesOf(claim.spec), accessModesOf(spec));
  if (missingModes.length) problems.push(`it does not offer access mode ${missingModes.join(', ')} (it offers ${accessModesOf(spec).join(', ') || 'none'})`);
  const request = requestedStorage(claim.spec);
  const capacity = volumeCapacity(pv);
  if (request !== undefined && capacity !== undefined && capacity < request) problems.push(`its capacity ${String(isPlainObject(spec.capacity) ? spec.capacity.storage : capacity)} is less than the ${String(requestText(claim.spec))} requested`);
  if (volumeModeOf(spec) !== volumeModeOf(claim.spec)) problems.push(`its volumeMode is ${volumeModeOf(spec)}, the claim's is ${volumeModeOf(claim.spec)}`);
  const selector = selectorFromLabelSelector(claim.spec.selector);
  if (selector && !selectorMatches(selector, pv.labels)) problems.push('its labels do not match the claim\'s spec.selector');
  return problems;
}

function requestText(spec: JsonObject): unknown {
  const resources = isPlainObject(spec.resources) ? spec.resources : {};
  return isPlainObject(resources.requests) ? resources.requests.storage : undefined;
}

export function quoteClass(name: string): string {
  return name === '' ? '"" (none)' : `"${name}"`;
}

/** PersistentVolumes of the input a claim without `volumeName` could bind to. */
export function bindableVolumes(objects: ObjectSet, claim: Claim, claimClass: string): K8sObject[] {
  // Only volumes of the claim's class can bind, so look at those alone.
  const candidates = volumesByClass(objects).get(claimClass) ?? [];
  return candidates.filter((pv) => bindingProblems(pv, claim, claimClass).length === 0);
}

const VOLUMES_BY_CLASS = new WeakMap<ObjectSet, Map<string, K8sObject[]>>();

function volumesByClass(objects: ObjectSet): Map<string, K8sObject[]> {
  let index = VOLUMES_BY_CLASS.get(objects);
  if (index) return index;
  index = new Map();
  for (const pv of objects.ofKind('PersistentVolume')) {
    const className = storageClassNameOf(specOf(pv.body), pv.annotations) ?? '';
    const list = index.get(className) ?? [];
    list.push(pv);
    index.set(className, list);
  }
  VOLUMES_BY_CLASS.set(objects, index);
  return index;
}
