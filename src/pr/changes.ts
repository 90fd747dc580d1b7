import type { JsonValue, K8sObject } from '../types.js';

export type ObjectChangeKind = 'added' | 'removed' | 'changed';

export interface ObjectChange {
  id: string;
  kind: string;
  namespace: string | null;
  name: string;
  change: ObjectChangeKind;
  /** For changed objects: the fields that differ (at most a few levels deep), e.g. `spec.template.metadata.labels`. */
  fields: string[];
  before?: K8sObject;
  after?: K8sObject;
}

const FIELD_DEPTH = 4;
const MAX_FIELDS = 12;

/** Objects added, removed and changed between two revisions, by identity (`Kind/namespace/name`); sorted by id. */
export function objectChanges(base: readonly K8sObject[], head: readonly K8sObject[]): ObjectChange[] {
  const before = firstById(base);
  const after = firstById(head);
  const changes: ObjectChange[] = [];
  for (const [id, obj] of after) {
    const old = before.get(id);
    if (!old) changes.push({ ...identity(obj), change: 'added', fields: [], after: obj });
    else {
      const fields = changedFields(old.body, obj.body);
      if (fields.length) changes.push({ ...identity(obj), change: 'changed', fields, before: old, after: obj });
    }
  }
  for (const [id, obj] of before) {
    if (!after.has(id)) changes.push({ ...identity(obj), change: 'removed', fields: [], before: obj });
  }
  return changes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Paths where two JSON values differ, down to FIELD_DEPTH levels (arrays compare whole). */
export function changedFields(a: JsonValue | undefined, b: JsonValue | undefined, prefix = '', depth = 0): string[] {
  if (sameJson(a, b)) return [];
  if (depth >= FIELD_DEPTH || !isObject(a) || !isObject(b)) return [prefix || '.'];
  const out: string[] = [];
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    for (const field of changedFields(a[key], b[key], prefix ? `${prefix}.${key}` : key, depth + 1)) {
      if (out.length < MAX_FIELDS) out.push(field);
    }
  }
  return out;
}

/** The value at a dotted path (`spec.selector`), undefined when any step is missing. */
export function valueAt(body: JsonValue | undefined, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = body;
  for (const key of path.split('.')) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/** Deep equality of parsed JSON/YAML values; object key order does not count. */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const other = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === other.length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return false;
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue | undefined } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstById(objects: readonly K8sObject[]): Map<string, K8sObject> {
  const map = new Map<string, K8sObject>();
  for (const obj of objects) if (!map.has(obj.id)) map.set(obj.id, obj);
  return map;
}

function identity(obj: K8sObject) {
  return { id: obj.id, kind: obj.kind, namespace: obj.namespace, name: obj.name };
}
