/**
 * How Kubernetes matches claims, volumes and classes: shared by the `binds`/`provisions` edges and
 * the volume rules, so both agree on what "would bind" means.
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#binding
 */
import type { ObjectSet } from '../load/object-set.js';
import { isPlainObject } from './guards.js';
import type { JsonObject, K8sObject } from '../types.js';
import { parseQuantity } from './quantity.js';
import { selectorFromLabelSelector, selectorMatches, type LabelSelector } from './selector.js';
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

interface VolumeFacts {
  className: string;
  modes: string[];
  capacity: number | undefined;
  capacityText: string;
  volumeMode: string;
  claimRef: { namespace?: string; name?: string } | undefined;
}

interface ClaimFacts {
  modes: string[];
  request: number | undefined;
  requestText: string;
  volumeMode: string;
  selector: LabelSelector | undefined;
}

/** Volumes are compared with many claims; read each one once. */
const VOLUME_FACTS = new WeakMap<K8sObject, VolumeFacts>();

function volumeFacts(pv: K8sObject): VolumeFacts {
  let facts = VOLUME_FACTS.get(pv);
  if (facts) return facts;
  const spec = specOf(pv.body);
  facts = {
    className: storageClassNameOf(spec, pv.annotations) ?? '',
    modes: accessModesOf(spec),
    capacity: volumeCapacity(pv),
    capacityText: quantityText(isPlainObject(spec.capacity) ? spec.capacity.storage : undefined),
    volumeMode: volumeModeOf(spec),
    claimRef: claimRefOf(pv),
  };
  VOLUME_FACTS.set(pv, facts);
  return facts;
}

function claimFacts(claim: Claim): ClaimFacts {
  const resources = isPlainObject(claim.spec.resources) ? claim.spec.resources : {};
  const requests = isPlainObject(resources.requests) ? resources.requests : {};
  return {
    modes: accessModesOf(claim.spec),
    request: parseQuantity(requests.storage),
    requestText: quantityText(requests.storage),
    volumeMode: volumeModeOf(claim.spec),
    selector: selectorFromLabelSelector(claim.spec.selector),
  };
}

/** A size as written, for messages; `?` for what is no quantity (a mapping's `String()` may even throw). */
function quantityText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

/** One reason a volume cannot serve a claim. */
type BindingProblem = 'claimRef' | 'class' | 'accessModes' | 'capacity' | 'volumeMode' | 'selector';

/** The reasons a volume cannot serve a claim (only the first, when `all` is false). */
function findProblems(pv: K8sObject, volume: VolumeFacts, claim: Claim, wanted: ClaimFacts, claimClass: string, all: boolean): BindingProblem[] {
  const problems: BindingProblem[] = [];
  const add = (problem: BindingProblem) => problems.push(problem) > 0 && !all;
  if (volume.className !== claimClass && add('class')) return problems;
  if (volume.claimRef && !claimRefNames(volume.claimRef, claim) && add('claimRef')) return problems;
  if (wanted.request !== undefined && volume.capacity !== undefined && volume.capacity < wanted.request && add('capacity')) return problems;
  if (uncoveredAccessModes(wanted.modes, volume.modes).length > 0 && add('accessModes')) return problems;
  if (volume.volumeMode !== wanted.volumeMode && add('volumeMode')) return problems;
  if (wanted.selector && !selectorMatches(wanted.selector, pv.labels)) add('selector');
  return problems;
}

/** Why a PersistentVolume could not be bound to a claim, in words, or an empty list when it could. */
export function bindingProblems(pv: K8sObject, claim: Claim, claimClass: string): string[] {
  const volume = volumeFacts(pv);
  const wanted = claimFacts(claim);
  return findProblems(pv, volume, claim, wanted, claimClass, true).map((problem) => {
    switch (problem) {
      case 'claimRef': return `it is reserved for claim "${volume.claimRef?.namespace ?? '?'}/${volume.claimRef?.name ?? '?'}" (spec.claimRef)`;
      case 'class': return `its storageClassName is ${quoteClass(volume.className)}, the claim's is ${quoteClass(claimClass)}`;
      case 'capacity': return `its capacity ${volume.capacityText} is less than the ${wanted.requestText} requested`;
      case 'accessModes': return `it does not offer access mode ${uncoveredAccessModes(wanted.modes, volume.modes).join(', ')} (it offers ${volume.modes.join(', ') || 'none'})`;
      case 'volumeMode': return `its volumeMode is ${volume.volumeMode}, the claim's is ${wanted.volumeMode}`;
      case 'selector': return 'its labels do not match the claim\'s spec.selector';
    }
  });
}

export function quoteClass(name: string): string {
  return name === '' ? '"" (none)' : `"${name}"`;
}

/**
 * The PersistentVolume of the input a claim without `volumeName` would bind to, as the controller
 * chooses: one reserved for it by claimRef, else the smallest that fits.
 */
export function matchingVolume(objects: ObjectSet, claim: Claim, claimClass: string, taken?: ReadonlyMap<K8sObject, Claim>): K8sObject | undefined {
  const wanted = claimFacts(claim);
  // Only volumes of the claim's class can bind, so look at those alone.
  const candidates = volumesByClass(objects).get(claimClass);
  if (!candidates) return undefined;
  const fits = (pv: K8sObject) => !taken?.has(pv) && findProblems(pv, volumeFacts(pv), claim, wanted, claimClass, false).length === 0;
  const reserved = candidates.reserved.filter(fits);
  if (reserved.length) return reserved.reduce((a, b) => ((volumeFacts(b).capacity ?? Infinity) < (volumeFacts(a).capacity ?? Infinity) ? b : a));
  // Free volumes are sorted by capacity: skip the ones too small, take the first that fits.
  const { free } = candidates;
  let lo = 0;
  let hi = free.length;
  const request = wanted.request ?? 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((volumeFacts(free[mid]).capacity ?? Infinity) < request) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < free.length; k++) if (fits(free[k])) return free[k];
  return undefined;
}

interface ClassVolumes {
  /** Volumes whose claimRef reserves them for one claim. */
  reserved: K8sObject[];
  /** The others, smallest capacity first. */
  free: K8sObject[];
}

const VOLUMES_BY_CLASS = new WeakMap<ObjectSet, Map<string, ClassVolumes>>();

function volumesByClass(objects: ObjectSet): Map<string, ClassVolumes> {
  let index = VOLUMES_BY_CLASS.get(objects);
  if (index) return index;
  index = new Map();
  for (const pv of objects.ofKind('PersistentVolume')) {
    const { className, claimRef } = volumeFacts(pv);
    let entry = index.get(className);
    if (!entry) index.set(className, (entry = { reserved: [], free: [] }));
    (claimRef ? entry.reserved : entry.free).push(pv);
  }
  for (const entry of index.values()) entry.free.sort((a, b) => (volumeFacts(a).capacity ?? Infinity) - (volumeFacts(b).capacity ?? Infinity));
  VOLUMES_BY_CLASS.set(objects, index);
  return index;
}

/**
 * Which claim each static PersistentVolume of the input ends up bound to: a volume binds one claim.
 * Claims naming a volume (`volumeName`) that can bind it come first, then the other claims in input
 * order, each taking the volume `matchingVolume` picks among those still free. Claim templates (a
 * StatefulSet's, an ephemeral volume's) make claims at run time and take no volume here.
 */
export function staticBindings(objects: ObjectSet): ReadonlyMap<K8sObject, Claim> {
  return bindingsOf(objects).byVolume;
}

function bindingsOf(objects: ObjectSet): Bindings {
  const known = STATIC_BINDINGS.get(objects);
  if (known) return known;
  const taken = new Map<K8sObject, Claim>();
  const defaultClass = defaultStorageClass(objects);
  const claims = claimsOf(objects).filter((claim) => !claim.template);
  for (const claim of claims) {
    const volumeName = claim.spec.volumeName;
    if (typeof volumeName !== 'string' || volumeName === '') continue;
    const pv = objects.find('PersistentVolume', null, volumeName);
    if (pv && !taken.has(pv) && bindingProblems(pv, claim, volumeNameClaimClass(claim, pv, defaultClass)).length === 0) taken.set(pv, claim);
  }
  for (const claim of claims) {
    if (typeof claim.spec.volumeName === 'string' && claim.spec.volumeName !== '') continue;
    const pv = matchingVolume(objects, claim, effectiveClaimClass(claim, defaultClass), taken);
    if (pv) taken.set(pv, claim);
  }
  const byClaim = new Map<string, K8sObject>();
  for (const [pv, claim] of taken) byClaim.set(claimKey(claim), pv);
  const bindings = { byVolume: taken, byClaim };
  STATIC_BINDINGS.set(objects, bindings);
  return bindings;
}

interface Bindings {
  byVolume: ReadonlyMap<K8sObject, Claim>;
  byClaim: ReadonlyMap<string, K8sObject>;
}

const STATIC_BINDINGS = new WeakMap<ObjectSet, Bindings>();

function claimKey(claim: Claim): string {
  return `${claim.owner.id}|${claim.specPath}`;
}

/** The class a claim that names its volume is compared with: with no class and no default class in the input, the volume's own. */
export function volumeNameClaimClass(claim: Claim, pv: K8sObject, defaultClass: K8sObject | undefined): string {
  const pvClass = storageClassNameOf(isPlainObject(pv.body.spec) ? pv.body.spec : {}, pv.annotations) ?? '';
  return storageClassNameOf(claim.spec, claim.annotations) === undefined && !defaultClass ? pvClass : effectiveClaimClass(claim, defaultClass);
}

/** The volume a claim is bound to in `staticBindings`, if any. */
export function boundVolumeOf(objects: ObjectSet, claim: Claim): K8sObject | undefined {
  return bindingsOf(objects).byClaim.get(claimKey(claim));
}
