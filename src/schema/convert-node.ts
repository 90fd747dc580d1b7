import type { JsonSchema } from './types.js';

/** Keywords copied as they are (value validations that mean the same in Kubernetes and JSON schema). */
const COPIED = ['type', 'enum', 'required', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'];
/** Formats the API server checks on decoding; the others (int32, int64, double…) are only hints. */
const CHECKED_FORMATS = new Set(['byte', 'date-time']);

/** How Kubernetes writes a quantity (`500m`, `1Gi`, `1e3`); the API rejects any other string. */
export const QUANTITY_PATTERN = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?$';

export interface NodeContext {
  /** Rewrites a `$ref` to where the converted schemas keep it. */
  ref(ref: string): string;
  /** The default value of `property` in the object schema `items` points at (for list-map keys). */
  defaultOf?(items: unknown, property: string): unknown;
  /** Extra enumerations by property name of the object being converted. */
  enumsOf?(property: string): readonly string[] | undefined;
  /** Whether a property listed as required is in fact defaulted by the API server. */
  defaulted?(property: string): boolean;
}

/**
 * Converts one OpenAPI (v3 or CRD structural) schema node into a strict JSON schema:
 * objects closed unless `x-kubernetes-preserve-unknown-fields`, int-or-string and quantities as
 * the API accepts them, `null` allowed for optional fields, descriptions dropped.
 */
export function convertNode(input: unknown, ctx: NodeContext): JsonSchema {
  if (!isObject(input)) return {};
  let node = input;
  // `allOf: [{$ref}]` is how v3 documents attach a default to a reference
  if (Array.isArray(node.allOf) && node.allOf.length === 1 && node.type === undefined && node.properties === undefined) {
    const { allOf, ...rest } = node;
    node = { ...rest, ...(allOf as unknown[])[0] as JsonSchema };
  }
  const out: JsonSchema = {};
  if (typeof node.$ref === 'string') {
    out.$ref = ctx.ref(node.$ref);
    return out;
  }
  for (const key of COPIED) if (node[key] !== undefined) out[key] = node[key];
  if (typeof node.format === 'string' && CHECKED_FORMATS.has(node.format)) out.format = node.format;
  if (typeof node.pattern === 'string' && isJsRegExp(node.pattern)) out.pattern = node.pattern;
  const simpleTypes = simpleOneOf(node.oneOf ?? node.anyOf);
  if (simpleTypes) {
    out.type = simpleTypes;
  } else {
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[key])) out[key] = (node[key] as unknown[]).map((s) => convertNode(s, ctx));
    }
    if (isObject(node.not)) out.not = convertNode(node.not, ctx);
  }
  if (node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string') out.type = ['integer', 'string'];
  if (isObject(node.items)) out.items = convertNode(node.items, ctx);
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (isObject(node.properties)) {
    const required = new Set((Array.isArray(node.required) ? (node.required as string[]) : []).filter((p) => !ctx.defaulted?.(p)));
    if (Array.isArray(node.required)) out.required = [...required];
    const props: Record<string, JsonSchema> = {};
    for (const [name, sub] of Object.entries(node.properties)) {
      let converted = convertNode(sub, ctx);
      const values = ctx.enumsOf?.(name);
      if (values) converted = withEnum(converted, values);
      props[name] = required.has(name) ? converted : nullable(converted);
    }
    out.properties = props;
  }
  if (isObject(node.additionalProperties)) out.additionalProperties = convertNode(node.additionalProperties, ctx);
  else if (node.additionalProperties === false || (node.additionalProperties === undefined && out.properties && !preserve)) out.additionalProperties = false;
  const listType = node['x-kubernetes-list-type'];
  if (listType === 'set' || listType === 'map') {
    out['x-kubernetes-list-type'] = listType;
    const keys = node['x-kubernetes-list-map-keys'];
    if (listType === 'map' && Array.isArray(keys)) {
      out['x-kubernetes-list-map-keys'] = keys;
      const defaults: Record<string, unknown> = {};
      for (const key of keys as string[]) {
        const value = ctx.defaultOf?.(node.items, key) ?? (isObject(node.items) && isObject(node.items.properties) && isObject(node.items.properties[key]) ? node.items.properties[key].default : undefined);
        if (value !== undefined) defaults[key] = value;
      }
      if (Object.keys(defaults).length) out['x-kubernetes-list-map-defaults'] = defaults;
    }
  }
  return node.nullable === true ? nullable(out) : out;
}

/** `oneOf: [{type: integer}, {type: string}]` → `['integer', 'string']`; undefined when not that simple. */
function simpleOneOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || !value.length) return undefined;
  const types: string[] = [];
  for (const s of value) {
    if (!isObject(s) || typeof s.type !== 'string' || Object.keys(s).length !== 1) return undefined;
    types.push(s.type);
  }
  return types;
}

function withEnum(schema: JsonSchema, values: readonly string[]): JsonSchema {
  if (schema.type === 'array' && isObject(schema.items)) return { ...schema, items: { ...schema.items, enum: [...values] } };
  return { ...schema, enum: [...values] };
}

/** Lets a field hold `null`, as the API server decodes it (the same as absent). */
export function nullable(schema: JsonSchema): JsonSchema {
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const out: JsonSchema = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  if (schema.$ref !== undefined) return { if: { type: 'null' }, else: schema };
  return schema;
}

function isJsRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
