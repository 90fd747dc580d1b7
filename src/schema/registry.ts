import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuiltInGroup } from '../k8s/api-groups.js';
import { UsageError } from '../load/errors.js';
import type { ObjectSet } from '../load/object-set.js';
import type { K8sObject } from '../types.js';
import { evaluateCelRules, hasCelRules } from './cel.js';
import { crdVersions, OBJECT_META_REF, type CrdVersion } from './crd.js';
import { checkSchemaLocations, findLocationSchema, readSchemaFile } from './locations.js';
import { describeErrors, schemaMessage, type SchemaProblem } from './messages.js';
import { servedStatus, successorOf } from './removals.js';
import { editDistance } from '../suggest.js';
import { bundleFile, bundleVersions, compareVersions, EMBEDDED_SCHEMA_DIR, readServedTable, type ServedTable } from './store.js';
import { kindKey, type JsonSchema } from './types.js';
import { versionSchemas, type VersionSchemas } from './version-schemas.js';
import { own } from '../own.js';

export interface SchemaSettings {
  kubernetesVersion?: string;
  schemaLocations?: readonly string[];
}

/** What kubeknit knows about an object's apiVersion and kind. */
export type SchemaLookup =
  | { status: 'schema'; validate(): SchemaProblem[]; /** Names the schema by content, for caches of results. */ schemaId: string }
  | { status: 'removed'; removedIn: string; replacement?: string; successor?: string }
  | { status: 'not-yet'; firstServed: string }
  | { status: 'crd-version-not-served'; crd: K8sObject; versions: string[] }
  /** The CRD's schema cannot be compiled: `invalid-crd-schema` reports it at the CRD, once. */
  | { status: 'crd-schema-broken'; crd: K8sObject; reason: string }
  /** A `--schema-location` file that is not JSON or cannot be compiled: the kind is checked without it. */
  | { status: 'schema-file-broken'; file: string; reason: string }
  /** `builtInGroup`: the group is one Kubernetes serves, so no CRD can add the kind. */
  | { status: 'missing'; suggestion?: string; builtInGroup: boolean };

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** `v1.33.2` / `1.33` → `1.33`. */
export function normalizeKubernetesVersion(version: string): string {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!match) throw new UsageError(`Kubernetes version "${version}" is not a version like 1.33`);
  return `${match[1]}.${match[2]}`;
}

/** The schema folders to read: the user's locations first, then the embedded one. */
function bundleDirs(locations: readonly string[]): string[] {
  return [...locations.filter((l) => !l.includes('{{')), EMBEDDED_SCHEMA_DIR];
}

/** The Kubernetes version a run targets (default: the newest embedded); a version without schemas is a usage error. */
export function resolveKubernetesVersion(requested: string | undefined, locations: readonly string[] = []): string {
  const available = [...new Set(bundleDirs(locations).flatMap(bundleVersions))].sort(compareVersions);
  if (requested === undefined) {
    const newest = bundleVersions(EMBEDDED_SCHEMA_DIR).at(-1);
    if (!newest) throw new Error(`no embedded schemas in ${EMBEDDED_SCHEMA_DIR}`);
    return newest;
  }
  const version = normalizeKubernetesVersion(requested);
  if (!available.includes(version)) {
    throw new UsageError(`no schemas for Kubernetes ${version} (available: ${available.join(', ')}); convert its OpenAPI documents with "kubeknit schemas import" and pass the folder with --schema-location`);
  }
  return version;
}

/** Looks up, per object of a run, its schema (built-in, from a CRD of the input, or a schema location) or why there is none. */
export class SchemaRegistry {
  readonly kubernetesVersion: string;
  /** The settings the registry was made with, as a string (part of the keys of cached results). */
  readonly settingsKey: string;
  private readonly locations: readonly string[];
  private readonly crds = new Map<string, CrdVersion[]>();
  /** Schema files of the locations, read once per run (every custom resource of a kind asks for its file). */
  private readonly locationSchemas = new Map<string, JsonSchema>();
  /** Schema files of the locations that could not be read or parsed, with the reason (read once per run too). */
  private readonly unreadableFiles = new Map<string, string>();
  private readonly lookups = new WeakMap<K8sObject, SchemaLookup>();
  private readonly compileProblems = new Map<string, string | undefined>();
  private loadedVersion: VersionSchemas | undefined;
  private servedTable: ServedTable | undefined;

  /** `crds`: the CustomResourceDefinitions of the input (other objects are skipped); `precompiled: false` compiles every schema at run time. */
  constructor(crds: Iterable<K8sObject>, settings: SchemaSettings, private readonly options: { precompiled?: boolean } = {}) {
    this.locations = settings.schemaLocations ?? [];
    checkSchemaLocations(this.locations);
    this.kubernetesVersion = resolveKubernetesVersion(settings.kubernetesVersion, this.locations);
    this.settingsKey = settingsKey({ kubernetesVersion: this.kubernetesVersion, schemaLocations: this.locations });
    for (const crd of crds) {
      if (crd.kind !== 'CustomResourceDefinition') continue;
      for (const v of crdVersions(crd)) {
        const key = `${v.group}/${v.kind}`;
        this.crds.set(key, [...(this.crds.get(key) ?? []), v]);
      }
    }
  }

  lookup(obj: K8sObject): SchemaLookup {
    let found = this.lookups.get(obj);
    if (!found) this.lookups.set(obj, (found = this.find(obj)));
    return found;
  }

  private find(obj: K8sObject): SchemaLookup {
    const crdVersionsOfKind = this.crds.get(`${obj.group}/${obj.kind}`);
    if (crdVersionsOfKind) {
      const match = crdVersionsOfKind.find((v) => v.version === obj.version && v.served);
      if (!match) return { status: 'crd-version-not-served', crd: crdVersionsOfKind[0].crd, versions: crdVersionsOfKind.filter((v) => v.served).map((v) => v.version) };
      if (!match.schema) return { status: 'schema', validate: () => [], schemaId: 'none' };
      const { schema, rawSchema } = match;
      const id = `crd-${hash(schema)}`;
      const broken = this.compileProblem(id, schema);
      if (broken) return { status: 'crd-schema-broken', crd: match.crd, reason: broken };
      const lookup = this.documentLookup(obj, id, `${id} ${this.loaded().fingerprint}`, schema);
      return rawSchema ? this.withCelRules(obj, rawSchema, lookup) : lookup;
    }
    const loaded = this.loaded();
    const key = kindKey(obj.apiVersion, obj.kind);
    if (loaded.hasKind(key)) {
      return { status: 'schema', validate: () => describeErrors(loaded.validateKind(key, obj.body), obj.body), schemaId: `${loaded.fingerprint} ${key}` };
    }
    const file = obj.group ? findLocationSchema(this.locations, { group: obj.group, version: obj.version, kind: obj.kind, kubernetesVersion: this.kubernetesVersion }) : undefined;
    if (file) {
      let schema = this.locationSchemas.get(file);
      if (!schema) {
        const read = this.unreadableFiles.has(file) ? { reason: this.unreadableFiles.get(file)! } : readSchemaFile(file);
        if ('reason' in read) {
          this.unreadableFiles.set(file, read.reason);
          return { status: 'schema-file-broken', file, reason: read.reason };
        }
        this.locationSchemas.set(file, (schema = read.schema));
      }
      // the content is part of the id: a process that lints again (an editor) compiles an edited file anew
      const id = `${pathToFileURL(path.resolve(file)).href}?content=${hash(schema)}`;
      const broken = this.compileProblem(id, schema);
      if (broken) return { status: 'schema-file-broken', file, reason: broken };
      const lookup = this.documentLookup(obj, id, `${id} ${loaded.fingerprint}`, schema);
      return this.withCelRules(obj, schema, lookup);
    }
    const served = servedStatus(this.served(), this.kubernetesVersion, obj.apiVersion, obj.kind);
    if (served.status === 'removed') return { status: 'removed', removedIn: served.removedIn, replacement: served.replacement, successor: successorOf(obj.kind) };
    if (served.status === 'not-yet') return served;
    return { status: 'missing', suggestion: this.suggestKind(obj), builtInGroup: isBuiltInGroup(obj.group) };
  }

  /** Why the schema of one version of a CRD cannot be compiled, or undefined when it compiles (or it has none). */
  crdSchemaProblem(crd: K8sObject, version: string): string | undefined {
    const match = crdVersions(crd).find((v) => v.version === version);
    return match?.schema ? this.compileProblem(`crd-${hash(match.schema)}`, match.schema) : undefined;
  }

  /** Why a CRD's or a schema file's schema cannot be compiled (say `type: strign`), or undefined when it compiles; found once per schema. */
  private compileProblem(id: string, schema: JsonSchema): string | undefined {
    if (!this.compileProblems.has(id)) {
      let problem: string | undefined;
      try {
        this.loaded().validateDocument(this.addCustomDocument(id, schema), {});
      } catch (err) {
        problem = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      }
      this.compileProblems.set(id, problem);
    }
    return this.compileProblems.get(id);
  }


  /** A CRD's or a schema file's schema, compiled on the first validation against it. */
  private documentLookup(obj: K8sObject, id: string, schemaId: string, schema: JsonSchema): SchemaLookup {
    const validate = (): SchemaProblem[] => {
      const broken = this.brokenSchemas.get(id);
      if (broken === undefined) {
        try {
          return describeErrors(this.loaded().validateDocument(this.addCustomDocument(id, schema), obj.body), obj.body);
        } catch (err) {
          // A schema from the input with a keyword no validator can compile (`type: foo`, `minimum: "abc"`,
          // a `$ref`, a pattern RE2 refuses): a finding on each of its objects, not a lost run.
          this.brokenSchemas.set(id, err instanceof Error ? err.message.split('\n')[0] : String(err));
          return validate();
        }
      }
      return [{ path: [], kind: 'schema-compile', ...schemaMessage('schemaNotCompiled', { reason: broken }) }];
    };
    return { status: 'schema', validate, schemaId };
  }

  /** Adds the CEL rules (`x-kubernetes-validations`) of a custom resource schema to its validation. */
  private withCelRules(obj: K8sObject, schema: JsonSchema, lookup: SchemaLookup): SchemaLookup {
    if (lookup.status !== 'schema' || !hasCelRules(schema)) return lookup;
    return { status: 'schema', validate: () => [...lookup.validate(), ...evaluateCelRules(schema, obj.body).map((p) => ({ ...p, kind: 'cel' }))], schemaId: `${lookup.schemaId} cel-${hash(schema)}` };
  }

  /** Adds a CRD's or a schema file's schema to the validator of this version (its metadata checked as ObjectMeta). */
  private addCustomDocument(id: string, schema: JsonSchema): string {
    const loaded = this.loaded();
    if (!loaded.hasDocument(id)) {
      const text = JSON.stringify(schema).split(JSON.stringify(OBJECT_META_REF)).join(JSON.stringify(`${loaded.documentId}#/definitions/${OBJECT_META}`));
      loaded.addDocument(id, JSON.parse(text) as JsonSchema);
    }
    return id;
  }

  /** Custom schemas that failed to compile, with the reason. */
  private readonly brokenSchemas = new Map<string, string>();

  private loaded(): VersionSchemas {
    if (this.loadedVersion) return this.loadedVersion;
    const dir = bundleDirs(this.locations).find((d) => bundleVersions(d).includes(this.kubernetesVersion)) ?? EMBEDDED_SCHEMA_DIR;
    return (this.loadedVersion = versionSchemas(this.kubernetesVersion, bundleFile(dir, this.kubernetesVersion), this.options));
  }

  private served(): ServedTable {
    if (!this.servedTable) {
      const table: ServedTable = {};
      for (const dir of bundleDirs(this.locations).reverse()) Object.assign(table, readServedTable(dir));
      this.servedTable = table;
    }
    return this.servedTable;
  }

  /** A served kind of the same apiVersion whose name is close: `Deploymnet` → `Deployment`. */
  private suggestKind(obj: K8sObject): string | undefined {
    const kinds = own(own(this.served(), this.kubernetesVersion) ?? {}, obj.apiVersion) ?? [];
    const lower = obj.kind.toLowerCase();
    return kinds.find((k) => k.toLowerCase() === lower) ?? kinds.find((k) => editDistance(k.toLowerCase(), lower) <= 2);
  }
}

const registries = new WeakMap<object, Map<string, SchemaRegistry>>();

/** One registry per run (the three schema rules share it); settings are part of the key. */
export function schemaRegistryFor(objects: ObjectSet, settings: SchemaSettings): SchemaRegistry {
  return registryFor(objects, () => objects.ofKind('CustomResourceDefinition'), settings);
}

/** The registry of an owner (a run's objects, a list of CRDs) and settings, made on first use. */
export function registryFor(owner: object, crds: () => Iterable<K8sObject>, settings: SchemaSettings): SchemaRegistry {
  let bySettings = registries.get(owner);
  if (!bySettings) registries.set(owner, (bySettings = new Map()));
  const key = settingsKey(settings);
  let registry = bySettings.get(key);
  if (!registry) bySettings.set(key, (registry = new SchemaRegistry(crds(), settings)));
  return registry;
}

function settingsKey(settings: SchemaSettings): string {
  return JSON.stringify([settings.kubernetesVersion ?? null, settings.schemaLocations ?? []]);
}

const hashes = new WeakMap<object, string>();

/** A short content hash of a schema (remembered: every custom resource of a CRD asks for it). */
function hash(value: JsonSchema): string {
  let found = hashes.get(value);
  if (!found) hashes.set(value, (found = createHash('sha1').update(JSON.stringify(value)).digest('hex').slice(0, 16)));
  return found;
}
