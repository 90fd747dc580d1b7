import { isPlainObject } from './guards.js';
import { appendFieldPath } from '../load/field-path.js';
import type { K8sObject } from '../types.js';
import { isLongRunning, workloadContainers, type WorkloadContainer } from './containers.js';
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
  return appendFieldPath(ref.path, name === undefined ? ['resources', kind] : ['resources', kind, name]);
}

/** Whether an entry is missing or zero (a zero request or limit sets nothing). */
export function isUnsetResource(entry: ResourceEntry | undefined): boolean {
  return entry === undefined || entry.quantity === 0;
}

/** Options of the rules that require requests or limits. */
export interface ResourceRuleOptions {
  /** Resource names every container must set (`cpu`, `memory`). */
  resources: string[];
  /** Also check init containers that run to completion (sidecars always count). */
  checkInitContainers: boolean;
}

/** The JSON schema of those options; `verb` is `request` or `limit`. */
export function resourceRuleOptionsSchema(verb: 'request' | 'limit'): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      resources: { type: 'array', items: { type: 'string' }, description: `Resources every container must ${verb}.` },
      checkInitContainers: { type: 'boolean', description: 'Also check init containers that run to completion before the app starts (sidecars are always checked).' },
    },
    additionalProperties: false,
  };
}

export interface MissingResources {
  ref: WorkloadContainer;
  /** The container's entries of the kind checked. */
  entries: Map<string, ResourceEntry>;
  /** Required resources it leaves unset or at 0. */
  missing: string[];
}

/**
 * Containers that leave a required request or limit unset. For requests, a limit counts: when only
 * a limit is set, Kubernetes requests the limit.
 */
export function* containersMissingResources(objects: Iterable<K8sObject>, kind: ResourceKind, options: ResourceRuleOptions): Generator<MissingResources> {
  for (const ref of workloadContainers(objects, ['initContainers', 'containers'])) {
    if (!options.checkInitContainers && !isLongRunning(ref)) continue;
    const entries = containerResources(ref, kind);
    const limits = kind === 'requests' ? containerResources(ref, 'limits') : undefined;
    const missing = options.resources.filter((name) => isUnsetResource(entries.get(name)) && (!limits || isUnsetResource(limits.get(name))));
    if (missing.length) yield { ref, entries, missing };
  }
}
