import { isPlainObject } from '../load/parse.js';
import { formatFieldPath, parseFieldPath } from '../load/field-path.js';
import type { ContainerRef } from './workloads.js';
import { parseQuantity } from './quantity.js';

export type ResourceKind = 'requests' | 'limits';

/** One entry of a container's `resources.requests` or `resources.limits`. */
export interface ResourceEntry {
  name: string;
  /** As written (`500m`, `1Gi`). */
  text: string;
  /** In base units; undefined when the text is not a quantity. */
  quantity: number | undefined;
  /** Field path, e.g. `spec.containers[0].resources.limits.memory`. */
  path: string;
}

/** A container's requests or limits, by resource name. */
export function containerResources(ref: ContainerRef, kind: ResourceKind): Map<string, ResourceEntry> {
  const out = new Map<string, ResourceEntry>();
  const resources = ref.container.resources;
  const list = isPlainObject(resources) ? resources[kind] : undefined;
  if (!isPlainObject(list)) return out;
  for (const [name, value] of Object.entries(list)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    out.set(name, { name, text: String(value), quantity: parseQuantity(value), path: resourcePath(ref, kind, name) });
  }
  return out;
}

/** `spec.containers[0].resources.limits["nvidia.com/gpu"]`: resource names may hold dots and slashes. */
export function resourcePath(ref: ContainerRef, kind: ResourceKind, name?: string): string {
  const segments = [...parseFieldPath(ref.path), 'resources', kind];
  if (name !== undefined) segments.push(name);
  return formatFieldPath(segments);
}

/** Whether an entry is missing or zero (a zero request or limit sets nothing). */
export function isUnsetResource(entry: ResourceEntry | undefined): boolean {
  return entry === undefined || entry.quantity === 0;
}
