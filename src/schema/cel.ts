import { createRequire } from 'node:module';
import type { PathSegment } from '../load/field-path.js';
import { isObject } from './convert-node.js';
import type { JsonSchema } from './types.js';

export interface CelProblem {
  path: PathSegment[];
  message: string;
}

interface CelRule {
  rule: string;
  message?: string;
  fieldPath?: string;
}

type CelInput = unknown;
type RunFunction = (expr: string, bindings: Record<string, CelInput>, options?: { funcs?: unknown }) => unknown;

const require = createRequire(import.meta.url);
let celRun: { run: RunFunction; funcs: unknown } | undefined;

/** @bufbuild/cel is loaded only when a CRD of the input has CEL rules. */
function cel(): { run: RunFunction; funcs: unknown } {
  if (!celRun) {
    const { run } = require('@bufbuild/cel') as { run: RunFunction };
    const { strings } = require('@bufbuild/cel/ext') as { strings: unknown };
    celRun = { run, funcs: strings };
  }
  return celRun;
}

/** Whether a CRD schema carries any `x-kubernetes-validations`. */
export function hasCelRules(schema: JsonSchema): boolean {
  return JSON.stringify(schema).includes('"x-kubernetes-validations"');
}

/**
 * Evaluates the CEL rules (`x-kubernetes-validations`) of a CRD schema against a custom resource,
 * with `self` bound to the value at the rule's place. Transition rules (`oldSelf`) need the stored
 * object and are skipped, and so are rules this CEL library cannot evaluate (Kubernetes-only functions).
 */
export function evaluateCelRules(schema: JsonSchema, data: unknown, path: PathSegment[] = [], out: CelProblem[] = []): CelProblem[] {
  if (data === undefined || data === null) return out;
  const rules = Array.isArray(schema['x-kubernetes-validations']) ? (schema['x-kubernetes-validations'] as CelRule[]) : [];
  for (const r of rules) {
    if (typeof r.rule !== 'string' || /\boldSelf\b/.test(r.rule)) continue;
    const { run, funcs } = cel();
    const result = run(r.rule, { self: toCel(data) }, { funcs });
    if (result === false) out.push({ path: r.fieldPath ? [...path, ...r.fieldPath.replace(/^\./, '').split('.')] : path, message: r.message ?? `failed rule: ${r.rule}` });
  }
  if (isObject(schema.properties) && isObject(data)) {
    for (const [key, sub] of Object.entries(schema.properties)) if (isObject(sub)) evaluateCelRules(sub, data[key], [...path, key], out);
  }
  if (isObject(schema.items) && Array.isArray(data)) {
    const items = schema.items;
    data.forEach((item, i) => evaluateCelRules(items, item, [...path, i], out));
  }
  if (isObject(schema.additionalProperties) && isObject(data)) {
    const values = schema.additionalProperties;
    for (const [key, value] of Object.entries(data)) evaluateCelRules(values, value, [...path, key], out);
  }
  return out;
}

/** JSON → CEL input: whole numbers are CEL ints, mappings are maps. */
function toCel(value: unknown): CelInput {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (isObject(value)) return new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  return value;
}
