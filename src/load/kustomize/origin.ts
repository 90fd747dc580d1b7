import path from 'node:path';
import { parse } from 'yaml';
import type { JsonObject } from '../../types.js';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';

/** Where kustomize says an object came from. Paths are absolute. */
export interface Origin {
  /** The resource file the object was read from. */
  file?: string;
  /** The kustomization whose generator made the object (configMapGenerator, secretGenerator…). */
  generatedIn?: string;
  generatorKind?: string;
  /** Kustomization files whose transformers ran over the object, in the order they ran. */
  transformedIn: string[];
}

/**
 * Reads and removes the origin and transformation annotations of a built object (so no rule sees
 * them). Relative paths are relative to `buildDir`, the folder kustomize built in.
 */
export function takeOrigin(body: JsonObject, buildDir: string): Origin {
  const origin: Origin = { transformedIn: [] };
  const metadata = body.metadata;
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return origin;
  const annotations = metadata.annotations;
  if (!annotations || typeof annotations !== 'object' || Array.isArray(annotations)) return origin;
  const resolve = (p: unknown) => (typeof p === 'string' && !/^[a-z]+:\/\//i.test(p) ? path.resolve(buildDir, p) : undefined);
  const from = readYaml(annotations[ORIGIN_ANNOTATION]);
  if (from && typeof from === 'object' && !Array.isArray(from)) {
    const o = from as Record<string, unknown>;
    if (typeof o.repo !== 'string') origin.file = resolve(o.path);
    origin.generatedIn = resolve(o.configuredIn);
    const by = o.configuredBy as Record<string, unknown> | undefined;
    if (by && typeof by.kind === 'string') origin.generatorKind = by.kind;
  }
  const steps = readYaml(annotations[TRANSFORMATIONS_ANNOTATION]);
  if (Array.isArray(steps)) {
    for (const step of steps) {
      const file = resolve((step as Record<string, unknown> | null)?.configuredIn);
      if (file && !origin.transformedIn.includes(file)) origin.transformedIn.push(file);
    }
  }
  delete annotations[ORIGIN_ANNOTATION];
  delete annotations[TRANSFORMATIONS_ANNOTATION];
  if (!Object.keys(annotations).length) delete metadata.annotations;
  return origin;
}

function readYaml(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return parse(value) as unknown;
  } catch {
    return undefined;
  }
}
