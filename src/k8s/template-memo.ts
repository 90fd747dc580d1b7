import type { JsonObject } from '../types.js';
import type { PodTemplate } from './workloads.js';

/**
 * Wraps a function of a Pod template so it runs once per template: the edge builders and many
 * rules ask the same question of every template. Keyed by the PodSpec object (a Pod node's
 * template and `podTemplateOf` share it); callers must not change the value they get.
 */
export function oncePerTemplate<T>(compute: (template: PodTemplate) => T): (template: PodTemplate) => T {
  const cache = new WeakMap<JsonObject, { specPath: string; value: T }>();
  return (template) => {
    const hit = cache.get(template.spec);
    if (hit && hit.specPath === template.specPath) return hit.value;
    const value = compute(template);
    cache.set(template.spec, { specPath: template.specPath, value });
    return value;
  };
}
