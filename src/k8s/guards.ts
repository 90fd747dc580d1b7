import type { JsonObject } from '../types.js';

/** A JSON object (a YAML mapping): not null, not an array. */
export function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
