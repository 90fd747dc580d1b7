/**
 * What exists in the target cluster outside the input: given in the config's `cluster:` section
 * or read from `kubectl get … -o yaml` output (`--cluster-inventory`). Reference rules treat a name
 * listed here as present.
 */
import picomatch from 'picomatch';
import { isPlainObject } from './guards.js';
import type { JsonValue } from '../types.js';

/** The config's `cluster:` section. Names are `name` or `namespace/name`; globs allowed. */
export interface ClusterInventory {
  namespaces?: string[];
  storageClasses?: string[];
  /** The class a claim without `storageClassName` gets. */
  defaultStorageClass?: string;
  ingressClasses?: string[];
  serviceAccounts?: string[];
  secrets?: string[];
  configMaps?: string[];
  services?: string[];
  persistentVolumeClaims?: string[];
  persistentVolumes?: string[];
  roles?: string[];
  clusterRoles?: string[];
  /** Custom resource kinds (`Kafka`) or CRD names (`kafkas.kafka.strimzi.io`) the cluster serves. */
  customResourceDefinitions?: string[];
  /** Kinds whose Pods another controller makes; a selector in their namespace is not reported as matching nothing. */
  podMakers?: string[];
}

const LIST_OF_KIND: Readonly<Record<string, keyof ClusterInventory>> = {
  Namespace: 'namespaces',
  StorageClass: 'storageClasses',
  IngressClass: 'ingressClasses',
  ServiceAccount: 'serviceAccounts',
  Secret: 'secrets',
  ConfigMap: 'configMaps',
  Service: 'services',
  PersistentVolumeClaim: 'persistentVolumeClaims',
  PersistentVolume: 'persistentVolumes',
  Role: 'roles',
  ClusterRole: 'clusterRoles',
  CustomResourceDefinition: 'customResourceDefinitions',
};

/** The inventory list that holds objects of a kind, if any. */
function listOf(inventory: ClusterInventory, kind: string): readonly string[] | undefined {
  if (!Object.hasOwn(LIST_OF_KIND, kind)) return undefined;
  const list = inventory[LIST_OF_KIND[kind]];
  return Array.isArray(list) ? list : undefined;
}

/** Whether the inventory lists an object (namespace null for cluster-scoped kinds). */
export function inInventory(inventory: ClusterInventory | undefined, kind: string, namespace: string | null, name: string): boolean {
  if (!inventory) return false;
  const list = listOf(inventory, kind);
  if (!list?.length) return false;
  return matchesName(list, namespace, name);
}

/** Whether the inventory lists any object of a kind (so its absence from the list means something). */
export function inventoryLists(inventory: ClusterInventory | undefined, kind: string): boolean {
  return !!inventory && !!listOf(inventory, kind)?.length;
}

/** `name` or `namespace/name` patterns (picomatch globs) against an object's name. */
export function matchesName(patterns: readonly string[], namespace: string | null, name: string): boolean {
  const full = namespace === null ? name : `${namespace}/${name}`;
  return patterns.some((pattern) => picomatch.isMatch(pattern.includes('/') ? full : name, pattern, { dot: true }));
}

/** Both inventories in one (the config's and the files'). */
export function mergeInventories(...inventories: Array<ClusterInventory | undefined>): ClusterInventory | undefined {
  const present = inventories.filter((i): i is ClusterInventory => i !== undefined);
  if (present.length <= 1) return present[0];
  const merged: ClusterInventory = {};
  for (const inventory of present) {
    for (const [key, value] of Object.entries(inventory) as Array<[keyof ClusterInventory, unknown]>) {
      if (key === 'defaultStorageClass') merged.defaultStorageClass ??= value as string;
      else if (Array.isArray(value)) (merged[key] as string[] | undefined) = [...((merged[key] as string[] | undefined) ?? []), ...(value as string[])];
    }
  }
  return merged;
}

const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** The inventory `kubectl get … -o yaml` output describes: documents, `List`s and `*List`s of objects. */
export function inventoryFromObjects(documents: readonly JsonValue[]): ClusterInventory {
  const inventory: ClusterInventory = {};
  const add = (key: keyof ClusterInventory, value: string) => {
    const list = ((inventory[key] as string[] | undefined) ??= []) as string[];
    list.push(value);
  };
  const visit = (doc: JsonValue, depth: number) => {
    if (!isPlainObject(doc) || depth > 4) return;
    if (Array.isArray(doc.items) && typeof doc.kind === 'string' && doc.kind.endsWith('List')) {
      for (const item of doc.items) visit(item, depth + 1);
      return;
    }
    const kind = doc.kind;
    const metadata = isPlainObject(doc.metadata) ? doc.metadata : undefined;
    const name = metadata?.name;
    if (typeof kind !== 'string' || typeof name !== 'string' || !name || !Object.hasOwn(LIST_OF_KIND, kind)) return;
    const namespace = typeof metadata?.namespace === 'string' && metadata.namespace ? metadata.namespace : undefined;
    add(LIST_OF_KIND[kind], namespace ? `${namespace}/${name}` : name);
    if (kind === 'StorageClass' && isPlainObject(metadata?.annotations)) {
      const annotations = metadata.annotations;
      if (DEFAULT_CLASS_ANNOTATIONS.some((a) => Object.hasOwn(annotations, a) && annotations[a] === 'true')) inventory.defaultStorageClass ??= name;
    }
    if (kind === 'CustomResourceDefinition' && isPlainObject(doc.spec) && isPlainObject(doc.spec.names) && typeof doc.spec.names.kind === 'string') {
      add('customResourceDefinitions', doc.spec.names.kind);
    }
  };
  for (const doc of documents) visit(doc, 0);
  return inventory;
}
