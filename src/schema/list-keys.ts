export interface ListDuplicate {
  index: number;
  firstIndex: number;
  /** The key values that collide, e.g. `{name: "web"}`, or the repeated value of a set. */
  key: unknown;
}

/**
 * Entries of a list that repeat an earlier one: by the given key fields (a list-map, with the
 * API's defaults for missing keys, so `protocol` counts as TCP) or, without keys, by value (a set).
 */
export function listDuplicates(items: readonly unknown[], keys: readonly string[] | undefined, defaults: Record<string, unknown> = {}): ListDuplicate[] {
  const seen = new Map<string, number>();
  const out: ListDuplicate[] = [];
  items.forEach((item, index) => {
    let key: unknown = item;
    if (keys) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
      const entry = item as Record<string, unknown>;
      key = Object.fromEntries(keys.map((k) => [k, entry[k] ?? defaults[k]]).filter(([, v]) => v !== undefined));
    }
    const text = JSON.stringify(key);
    const firstIndex = seen.get(text);
    if (firstIndex === undefined) seen.set(text, index);
    else out.push({ index, firstIndex, key });
  });
  return out;
}
