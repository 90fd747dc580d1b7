/**
 * A table's own entry for a key that may come from the input. `table[key]` would also find
 * Object.prototype's members: `kind: toString` must not look up a function.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Sets `table[key]` as an own property, also for the key `__proto__` (which assignment would take as the prototype). */
export function setOwn<T>(table: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true });
  else table[key] = value;
}
