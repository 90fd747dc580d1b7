import { setOwn } from '../own.js';
import type { JsonObject } from '../types.js';

/** A JSON object (a YAML mapping): not null, not an array. */
export function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A scalar from the input as text (strings, numbers, booleans); undefined for mappings, lists and
 * null. `String()` of a mapping is "[object Object]", and throws when the mapping has a
 * `toString` key, so input values never go through `String()` unchecked.
 */
export function scalarText(value: unknown): string | undefined {
  // YAML's .nan and .inf decode to numbers that would print as NaN and Infinity: show them as written
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : undefined;
}

/**
 * A label value as kubeknit matches it: scalars as text, a mapping or list (which the API server
 * rejects, and schema-violation reports) as JSON, so it matches no selector and prints safely.
 */
export function labelText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : (scalarText(value) ?? undefined);
}

/** A label (or annotation) map as text by key, read by own property; empty when it is no mapping. */
export function labelMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPlainObject(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    const text = labelText(entry);
    if (text !== undefined) setOwn(out, key, text);
  }
  return out;
}
