import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, SchemaValidateFunction, ValidateFunction } from 'ajv';
import { ajvLinearRegExp } from './linear-regexp.js';
import { listDuplicates } from './list-keys.js';
import type { JsonSchema } from './types.js';

export type { ErrorObject } from 'ajv';

const require = createRequire(import.meta.url);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** Formats Kubernetes names only as hints: accepted as they are. */
const HINT_FORMATS = ['int32', 'int64', 'double', 'float', 'int-or-string', 'ipv6', 'uri', 'hostname', 'password', 'email', 'date', 'duration', 'uuid'];

/**
 * The ajv options of every schema validator, compiled at run time or ahead of time (standalone
 * code): error paths (`schemaPath` depends on `inlineRefs`) and messages must not differ between them.
 */
export const VALIDATOR_OPTIONS = { allErrors: true, strict: false, validateSchema: false, allowUnionTypes: true, verbose: true, logger: false, inlineRefs: 8 } as const satisfies Options;

/** What generated code bakes in (options, format patterns): part of its stamp, so an edit here makes it stale. */
export const VALIDATOR_SETUP = JSON.stringify({ options: VALIDATOR_OPTIONS, dateTime: RFC3339.source, ipv4: IPV4.source, hints: HINT_FORMATS });

/** The format and keyword functions validators call: compiled code made ahead of time is handed these at load. */
export interface ValidatorRuntime {
  formats: { byte: (s: string) => boolean };
  keywords: { listType: SchemaValidateFunction };
}

export const VALIDATOR_RUNTIME: ValidatorRuntime = {
  formats: { byte: (s: string) => BASE64.test(s.replace(/[\r\n]/g, '')) },
  keywords: { listType: checkListType as SchemaValidateFunction },
};

/** ajv's module, required on first use so that a run that validates nothing never loads it. */
export function ajvModule(): { default: new (options: Options) => Ajv } & Record<string, unknown> {
  return require('ajv') as { default: new (options: Options) => Ajv };
}

/** ajv's version (read without loading ajv), part of the stamps of generated code and cached results. */
export function ajvVersion(): string {
  return (require('ajv/package.json') as { version: string }).version;
}

/**
 * An ajv instance with Kubernetes' formats and `x-kubernetes-list-type`. `extra` adds options
 * (`code.source` for standalone code, faster compilation at run time) that do not change results.
 */
export function createValidatorAjv(extra: Options = {}): Ajv {
  const AjvClass = ajvModule().default;
  const ajv = new AjvClass({ ...VALIDATOR_OPTIONS, ...extra });
  ajv.addFormat('byte', VALIDATOR_RUNTIME.formats.byte);
  ajv.addFormat('date-time', RFC3339);
  ajv.addFormat('ipv4', IPV4);
  for (const hint of HINT_FORMATS) ajv.addFormat(hint, true);
  ajv.addKeyword({ keyword: 'x-kubernetes-list-type', type: 'array', schemaType: 'string', errors: true, validate: VALIDATOR_RUNTIME.keywords.listType });
  return ajv;
}

/**
 * One ajv instance with the schema documents it knows and the validators it compiled (for
 * Kubernetes versions without ahead-of-time code, CRDs and schema files).
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly documents = new Set<string>();

  constructor() {
    // Skipping ajv's code optimizer compiles about twice as fast; the checks and errors are the same.
    // Schemas compiled at run time come from the input (CRDs, schema files): their patterns run on RE2.
    this.ajv = createValidatorAjv({ code: { optimize: false, regExp: ajvLinearRegExp } });
    // ajv compares every pair of items (quadratic: 30,000 objects took minutes); this is linear.
    this.ajv.removeKeyword('uniqueItems');
    this.ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', errors: true, validate: checkUniqueItems as SchemaValidateFunction });
  }

  /** Adds a schema document (not compiled until a reference into it is validated against). */
  addDocument(id: string, schema: JsonSchema): void {
    if (this.documents.has(id)) return;
    this.ajv.addSchema({ ...schema, $id: id });
    this.documents.add(id);
  }

  hasDocument(id: string): boolean {
    return this.documents.has(id);
  }

  /** Validates `data` against a reference such as `k8s-1.35#/definitions/io.k8s.api.apps.v1.Deployment`. */
  validate(ref: string, data: unknown): ErrorObject[] {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.getSchema(ref);
      if (!validate) throw new Error(`no schema ${ref}`);
      this.compiled.set(ref, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

/** `uniqueItems: true` in linear time: items compared by a canonical text (keys sorted). */
function checkUniqueItems(unique: boolean, data: unknown, _parent?: unknown, dataCxt?: { instancePath: string }): boolean {
  if (!unique || !Array.isArray(data)) return true;
  const seen = new Map<string, number>();
  for (let i = 0; i < data.length; i++) {
    const text = canonicalText(data[i]);
    const first = seen.get(text);
    if (first === undefined) {
      seen.set(text, i);
      continue;
    }
    (checkUniqueItems as SchemaValidateFunction).errors = [{
      keyword: 'uniqueItems', instancePath: dataCxt?.instancePath ?? '', params: { i: first, j: i },
      message: `must NOT have duplicate items (items ## ${first} and ${i} are identical)`, data,
    }];
    return false;
  }
  return true;
}

function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalText((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** `x-kubernetes-list-type: map|set`: entries must be unique by their keys (map) or as values (set). */
function checkListType(listType: string, data: unknown, parentSchema?: Record<string, unknown>, dataCxt?: { instancePath: string }): boolean {
  if (!Array.isArray(data)) return true;
  const keys = parentSchema?.['x-kubernetes-list-map-keys'] as string[] | undefined;
  const defaults = (parentSchema?.['x-kubernetes-list-map-defaults'] ?? {}) as Record<string, unknown>;
  const duplicates = listDuplicates(data, listType === 'map' ? (keys ?? []) : undefined, defaults);
  if (!duplicates.length) return true;
  (checkListType as SchemaValidateFunction).errors = duplicates.map((d) => ({
    keyword: 'x-kubernetes-list-type',
    instancePath: `${dataCxt?.instancePath ?? ''}/${d.index}`,
    params: { firstIndex: d.firstIndex, key: d.key, keys: listType === 'map' ? keys : undefined },
    message: 'duplicate entry',
    data: data[d.index],
  }));
  return false;
}
