import type { K8sObject } from '../types.js';
import { objectId } from '../k8s/object-id.js';

/** All objects of a run, indexed the ways rules look them up. */
export class ObjectSet implements Iterable<K8sObject> {
  readonly all: readonly K8sObject[];
  private readonly byKind = new Map<string, K8sObject[]>();
  private readonly byId = new Map<string, K8sObject>();

  constructor(objects: readonly K8sObject[]) {
    this.all = objects;
    for (const obj of objects) {
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
