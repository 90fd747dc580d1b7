import type { K8sObject } from '../types.js';
import { objectId } from '../k8s/object-id.js';

/**
 * All objects of a run, indexed the ways rules look them up. An object repeated in the input counts
 * once: iteration, lookups and the graph see its first definition; the later copies are only in
 * `withDuplicates` (for `duplicate-object`), so they draw no finding and no edge of their own.
 */
export class ObjectSet implements Iterable<K8sObject> {
  readonly all: readonly K8sObject[];
  /** Every object as loaded, repeated definitions included, in input order. */
  readonly withDuplicates: readonly K8sObject[];
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly byId = new Map<string, K8sObject>();

  constructor(objects: readonly K8sObject[]) {
    this.withDuplicates = objects;
    this.all = firstDefinitions(objects);
    for (const obj of this.all) {
      let list = this.byKind.get(obj.kind);
      if (!list) this.byKind.set(obj.kind, (list = []));
      list.push(obj);
      if (!this.byId.has(obj.id)) this.byId.set(obj.id, obj);
    }
  }

  [Symbol.iterator](): Iterator<K8sObject> {
    return this.all[Symbol.iterator]();
  }

  get size(): number {
    return this.all.length;
  }

  /** Objects of any of the given kinds, in input order. */
  ofKind(...kinds: string[]): K8sObject[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    return this.all.filter((obj) => kinds.includes(obj.kind));
  }

  /** The first object with this kind, namespace (null for cluster-scoped) and name. */
  find(kind: string, namespace: string | null, name: string): K8sObject | undefined {
    return this.byId.get(objectId(kind, namespace, name));
  }

  get(id: string): K8sObject | undefined {
    return this.byId.get(id);
  }
}

/** The same API group, kind, namespace and name: one object to the API server. */
export function definitionKey(obj: K8sObject): string {
  return `${obj.group}|${obj.kind}|${obj.namespace ?? ''}|${obj.name}`;
}

/** The objects without their later repeated definitions (generateName objects are each their own). */
function firstDefinitions(objects: readonly K8sObject[]): readonly K8sObject[] {
  const seen = new Set<string>();
  let repeated = false;
  const out = objects.filter((obj) => {
    if (obj.name.endsWith('*')) return true; // generateName: the API server picks a unique name
    const key = definitionKey(obj);
    if (seen.has(key)) return !(repeated = true);
    seen.add(key);
    return true;
  });
  return repeated ? out : objects;
}
