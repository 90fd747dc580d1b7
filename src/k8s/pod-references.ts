import { isPlainObject } from './guards.js';
import type { JsonObject } from '../types.js';
import { oncePerTemplate } from './template-memo.js';
import { containersOf, type PodTemplate } from './workloads.js';

/** A key a Pod reads from a ConfigMap or Secret (`configMapKeyRef.key`, a volume's `items[].key`). */
export interface ReferencedKey {
  key: string;
  path: string;
}

/** One reference from a Pod spec to another object, by name, in the Pod's namespace (PriorityClass: cluster-wide). */
export interface PodReference {
  kind: 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount' | 'PriorityClass';
  name: string;
  /** Field path of the name (`spec.volumes[0].configMap.name`), where findings point. */
  path: string;
  /** Volumes are `mounts`; env, envFrom, imagePullSecrets, serviceAccountName, priorityClassName are `references`. */
  type: 'mounts' | 'references';
  /** `optional: true`: the Pod starts without the object (or the key). */
  optional: boolean;
  keys: ReferencedKey[];
}

const API_VERSIONS: Record<PodReference['kind'], string> = {
  ConfigMap: 'v1', Secret: 'v1', PersistentVolumeClaim: 'v1', ServiceAccount: 'v1', PriorityClass: 'scheduling.k8s.io/v1',
};

export function referenceApiVersion(kind: PodReference['kind']): string {
  return API_VERSIONS[kind];
}

/** Every object a Pod template names: volumes (projected sources too), env, envFrom, imagePullSecrets, ServiceAccount, PriorityClass. */
export const podReferences: (template: PodTemplate) => readonly PodReference[] = oncePerTemplate(findPodReferences);

function findPodReferences(template: PodTemplate): PodReference[] {
  const refs: PodReference[] = [];
  const spec = template.spec;
  const at = template.specPath;
  eachItem(spec.volumes, `${at}.volumes`, (volume, vPath) => {
    const claim = volume.persistentVolumeClaim;
    if (isPlainObject(claim) && typeof claim.claimName === 'string') {
      refs.push({ kind: 'PersistentVolumeClaim', name: claim.claimName, path: `${vPath}.persistentVolumeClaim.claimName`, type: 'mounts', optional: false, keys: [] });
    }
    pushSource(refs, 'ConfigMap', volume.configMap, `${vPath}.configMap`, 'name');
    pushSource(refs, 'Secret', volume.secret, `${vPath}.secret`, 'secretName');
    const projected = volume.projected;
    if (isPlainObject(projected)) {
      eachItem(projected.sources, `${vPath}.projected.sources`, (source, sPath) => {
        pushSource(refs, 'ConfigMap', source.configMap, `${sPath}.configMap`, 'name');
        pushSource(refs, 'Secret', source.secret, `${sPath}.secret`, 'name');
      });
    }
  });
  for (const { container, path } of containersOf(template)) {
    eachItem(container.env, `${path}.env`, (env, ePath) => {
      const from = env.valueFrom;
      if (!isPlainObject(from)) return;
      pushKeyRef(refs, 'ConfigMap', from.configMapKeyRef, `${ePath}.valueFrom.configMapKeyRef`);
      pushKeyRef(refs, 'Secret', from.secretKeyRef, `${ePath}.valueFrom.secretKeyRef`);
    });
    eachItem(container.envFrom, `${path}.envFrom`, (envFrom, ePath) => {
      pushNamed(refs, 'ConfigMap', envFrom.configMapRef, `${ePath}.configMapRef`, 'references');
      pushNamed(refs, 'Secret', envFrom.secretRef, `${ePath}.secretRef`, 'references');
    });
  }
  eachItem(spec.imagePullSecrets, `${at}.imagePullSecrets`, (secret, sPath) => pushNamed(refs, 'Secret', secret, sPath, 'references'));
  // `serviceAccount` is the deprecated alias; `serviceAccountName` wins when both are set.
  const saField = typeof spec.serviceAccountName === 'string' ? 'serviceAccountName' : typeof spec.serviceAccount === 'string' ? 'serviceAccount' : undefined;
  if (saField && spec[saField]) {
    refs.push({ kind: 'ServiceAccount', name: spec[saField] as string, path: `${at}.${saField}`, type: 'references', optional: false, keys: [] });
  }
  if (typeof spec.priorityClassName === 'string' && spec.priorityClassName) {
    refs.push({ kind: 'PriorityClass', name: spec.priorityClassName, path: `${at}.priorityClassName`, type: 'references', optional: false, keys: [] });
  }
  return refs;
}

function eachItem(list: unknown, path: string, visit: (item: JsonObject, itemPath: string) => void): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isPlainObject(item)) visit(item, `${path}[${i}]`);
  });
}

/** A ConfigMap/Secret volume or projected source: a name, `optional`, and `items[].key`. */
function pushSource(refs: PodReference[], kind: 'ConfigMap' | 'Secret', source: unknown, path: string, nameField: string): void {
  if (!isPlainObject(source) || typeof source[nameField] !== 'string') return;
  const keys: ReferencedKey[] = [];
  eachItem(source.items, `${path}.items`, (item, iPath) => {
    if (typeof item.key === 'string') keys.push({ key: item.key, path: `${iPath}.key` });
  });
  refs.push({ kind, name: source[nameField] as string, path: `${path}.${nameField}`, type: 'mounts', optional: source.optional === true, keys });
}

function pushKeyRef(refs: PodReference[], kind: 'ConfigMap' | 'Secret', ref: unknown, path: string): void {
  if (!isPlainObject(ref) || typeof ref.name !== 'string') return;
  const keys = typeof ref.key === 'string' ? [{ key: ref.key, path: `${path}.key` }] : [];
  refs.push({ kind, name: ref.name, path: `${path}.name`, type: 'references', optional: ref.optional === true, keys });
}

function pushNamed(refs: PodReference[], kind: 'ConfigMap' | 'Secret', ref: unknown, path: string, type: PodReference['type']): void {
  if (!isPlainObject(ref) || typeof ref.name !== 'string' || !ref.name) return;
  refs.push({ kind, name: ref.name, path: `${path}.name`, type, optional: ref.optional === true, keys: [] });
}
