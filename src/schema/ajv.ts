import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, SchemaValidateFunction, ValidateFunction } from 'ajv';
import { listDuplicates } from './list-keys.js';
import type { JsonSchema } from './types.js';

export type { ErrorObject } from 'ajv';

const require = createRequire(import.meta.url);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * One ajv instance with the schema documents it knows and the validators it compiled.
 * ajv is required here, on first use, so a CLI run that validates nothing never loads it.
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly documents = new Set<string>();

  constructor() {
    const AjvClass = (require('ajv') as { default: new (options: Options) => Ajv }).default;
    this.ajv = new AjvClass({ allErrors: true, strict: false, validateSchema: false, allowUnionTypes: true, verbose: true, logger: false, inlineRefs: 8 });
    this.ajv.addFormat('byte', (s: string) => BASE64.test(s.replace(/[\r\n]/g, '')));
    this.ajv.addFormat('date-time', RFC3339);
    this.ajv.addFormat('ipv4', IPV4);
    for (const hint of ['int32', 'int64', 'double', 'float', 'int-or-string', 'ipv6', 'uri', 'hostname', 'password', 'email', 'date', 'duration', 'uuid']) this.ajv.addFormat(hint, true);
    this.ajv.addKeyword({ keyword: 'x-kubernetes-list-type', type: 'array', schemaType: 'string', errors: true, validate: checkListType as SchemaValidateFunction });
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
