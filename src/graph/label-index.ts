import { isEmptySelector, selectorMatches, type LabelSelector } from '../k8s/selector.js';

interface Labelled {
  namespace: string;
  labels: Readonly<Record<string, string>>;
}

/**
 * Finds what a selector selects without scanning every candidate: per namespace, a posting
 * list per `key=value`, intersected from the rarest pair.
 */
export class LabelIndex<T extends Labelled> {
  private readonly byNamespace = new Map<string, { all: T[]; postings: Map<string, T[]> }>();

  constructor(items: Iterable<T>) {
    for (const item of items) this.add(item);
  }

  add(item: T): void {
    let ns = this.byNamespace.get(item.namespace);
    if (!ns) this.byNamespace.set(item.namespace, (ns = { all: [], postings: new Map() }));
    ns.all.push(item);
    for (const [k, v] of Object.entries(item.labels)) {
      const key = postingKey(k, v);
      let list = ns.postings.get(key);
      if (!list) ns.postings.set(key, (list = []));
      list.push(item);
    }
  }

  /** Items of the namespace the selector matches; an empty selector matches all of them. */
  select(namespace: string, selector: LabelSelector): T[] {
    const ns = this.byNamespace.get(namespace);
    if (!ns) return [];
    if (isEmptySelector(selector)) return [...ns.all];
    const pairs = Object.entries(selector.matchLabels);
    let candidates: T[] = ns.all;
    for (const [k, v] of pairs) {
      const list = ns.postings.get(postingKey(k, v));
      if (!list) return [];
      // One `key=value` and nothing else (the usual selector): its posting list is the answer.
      if (pairs.length === 1 && selector.matchExpressions.length === 0) return [...list];
      if (list.length < candidates.length) candidates = list;
    }
    return candidates.filter((item) => selectorMatches(selector, item.labels));
  }

  namespaces(): string[] {
    return [...this.byNamespace.keys()];
  }

  inNamespace(namespace: string): readonly T[] {
    return this.byNamespace.get(namespace)?.all ?? [];
  }
}

/** `key=value` with the key's length first: `{"a=b": "c"}` and `{a: "b=c"}` are different pairs. */
function postingKey(key: string, value: string): string {
  return `${key.length}:${key}=${value}`;
}
