import type { ErrorObject, Options, default as AjvModule } from 'ajv';
import { ajvLinearRegExp, isLinearRegExp, LINEAR_REGEXP_FORMAT } from '../schema/linear-regexp.js';

export type { ErrorObject, ValidateFunction } from 'ajv';
export type AjvInstance = InstanceType<typeof AjvModule.default>;

/**
 * ajv, imported only when a config or custom rule needs it (start-up time matters for editors and
 * pre-commit). Schemas are data: no remote `$ref` loading, no `$data`, unknown keywords allowed.
 */
export async function createAjv(options: Options = {}): Promise<AjvInstance> {
  const { default: ajvModule } = await import('ajv');
  // A config comes with the repository: its patterns run on a linear-time engine.
  const ajv = new ajvModule.default({ allErrors: true, strict: false, ...options, code: { regExp: ajvLinearRegExp, ...options.code } });
  ajv.addFormat(LINEAR_REGEXP_FORMAT, isLinearRegExp);
  return ajv;
}

/** A JSON pointer (`/spec/containers/0`) as field path segments. */
export function pointerToSegments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((raw) => {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(seg) ? Number(seg) : seg;
  });
}

/** Where an error is, and what it says, with `required`/`additionalProperties` pointed at the key. */
export function describeSchemaError(error: ErrorObject): { segments: Array<string | number>; text: string } {
  const segments = pointerToSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return { segments, text: `missing required field "${String(params.missingProperty)}"` };
  if (error.keyword === 'additionalProperties') return { segments: [...segments, String(params.additionalProperty)], text: `unknown field "${String(params.additionalProperty)}"` };
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) return { segments, text: `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  if (error.keyword === 'const') return { segments, text: `must be ${JSON.stringify(params.allowedValue)}` };
  return { segments, text: error.message ?? `fails "${error.keyword}"` };
}

/** The errors worth showing: one per field, without the summaries of `if`/`anyOf` branches. */
export function usefulSchemaErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const key = describeSchemaError(error).segments.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out;
}
