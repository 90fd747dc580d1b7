import { readFileSync } from 'node:fs';
import { SchemaValidator, type ErrorObject } from './ajv.js';
import { bundleHash, PrecompiledValidators } from './precompiled.js';
import { readBundle } from './store.js';
import { bundleDocumentId, type JsonSchema, type KubeSchemaBundle } from './types.js';

/**
 * The schemas of one Kubernetes version (one bundle file): built-in kinds are checked by the
 * validators generated at build time where they match the bundle, else compiled by ajv on first
 * use; CRD and schema-file documents are always compiled at run time, against this version's definitions.
 */
export class VersionSchemas {
  readonly documentId: string;
  /** Names the schemas' content (a hash of the bundle file), for caches of validation results. */
  readonly fingerprint: string;
  private readonly precompiled: PrecompiledValidators | undefined;
  private bundleRead: KubeSchemaBundle | undefined;
  private runtime: SchemaValidator | undefined;

  constructor(readonly kubernetesVersion: string, private readonly file: string, options: { precompiled?: boolean } = {}) {
    this.documentId = bundleDocumentId(kubernetesVersion);
    this.fingerprint = bundleHash(readFileSync(file));
    this.precompiled = options.precompiled === false ? undefined : PrecompiledValidators.forBundle(this.fingerprint, kubernetesVersion);
  }

  /** Whether validators generated at build time serve the built-in kinds. */
  get isPrecompiled(): boolean {
    return this.precompiled !== undefined;
  }

  /** Whether the version has a schema for `apps/v1/Deployment`-style key. */
  hasKind(key: string): boolean {
    return this.precompiled ? this.precompiled.hasKind(key) : Object.hasOwn(this.bundle().kinds, key);
  }

  validateKind(key: string, data: unknown): ErrorObject[] {
    if (this.precompiled) return this.precompiled.validate(key, data);
    return this.validator().validate(`${this.documentId}#/definitions/${this.bundle().kinds[key]}`, data);
  }

  /** Adds a CRD's or a schema file's document, whose references point into this version's definitions. */
  addDocument(id: string, schema: JsonSchema): void {
    this.validator().addDocument(id, schema);
  }

  hasDocument(id: string): boolean {
    return this.runtime?.hasDocument(id) ?? false;
  }

  validateDocument(id: string, data: unknown): ErrorObject[] {
    return this.validator().validate(id, data);
  }

  private bundle(): KubeSchemaBundle {
    return (this.bundleRead ??= readBundle(this.file));
  }

  private validator(): SchemaValidator {
    if (!this.runtime) {
      this.runtime = new SchemaValidator();
      this.runtime.addDocument(this.documentId, { definitions: this.bundle().definitions });
    }
    return this.runtime;
  }
}

/** Loaded versions (and their compiled validators) live for the process: an editor relints often. */
const loaded = new Map<string, VersionSchemas>();

export function versionSchemas(kubernetesVersion: string, file: string, options: { precompiled?: boolean } = {}): VersionSchemas {
  const key = `${file}\0${options.precompiled !== false}`;
  let schemas = loaded.get(key);
  if (!schemas) loaded.set(key, (schemas = new VersionSchemas(kubernetesVersion, file, options)));
  return schemas;
}
