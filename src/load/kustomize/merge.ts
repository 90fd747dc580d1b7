import { applyCustomResourceScopes, type LoadResult } from '../index.js';
import { objectId } from '../../k8s/object-id.js';
import type { KustomizeLoad } from './index.js';

/** Adds built objects to a load (they stand where the files they came from would have). */
export function addBuilt(loaded: LoadResult, built: KustomizeLoad): void {
  if (!built.objects.length && !built.problems.length && !built.files.length) return;
  const files = new Set(loaded.files);
  for (const file of built.files) if (!files.has(file)) loaded.files.push(file);
  for (const [file, text] of built.texts) if (!loaded.texts.has(file)) loaded.texts.set(file, text);
  loaded.objects.push(...built.objects);
  loaded.problems.push(...built.problems);
  applyCustomResourceScopes(loaded.objects);
  const seen = new Map<string, number>();
  for (const obj of loaded.objects) {
    const id = objectId(obj.kind, obj.namespace, obj.name);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    obj.id = count > 1 ? `${id}#${count}` : id;
  }
}
