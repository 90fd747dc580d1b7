import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { API_ENUMS, DEFAULTED_REQUIRED } from './enums.js';
import { convertNode, isObject, QUANTITY_PATTERN } from './convert-node.js';
import { kindKey, type JsonSchema, type KubeSchemaBundle } from './types.js';

const REF_PREFIX = '#/components/schemas/';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface OpenApiDir {
  /** Every `components.schemas` entry of every document, by name. */
  schemas: Map<string, JsonSchema>;
  /** `apiVersion/Kind` of every kind served as a resource. */
  served: Set<string>;
}

/** Reads a folder of OpenAPI v3 documents (`api/v1.json`, `apis/<group>/<version>.json`). */
export function readOpenApiDir(dir: string): OpenApiDir {
  const schemas = new Map<string, JsonSchema>();
  const served = new Set<string>();
  for (const file of jsonFiles(dir)) {
    const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isObject(doc) || !isObject(doc.components) || !isObject(doc.components.schemas)) continue;
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (!schemas.has(name) && isObject(schema)) schemas.set(name, schema);
    }
    // A document serves the kinds of its own group/version; shared types (DeleteOptions, WatchEvent…) and lists are not resources
    const servedHere = apiVersionOfFile(dir, file);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const gvks = isObject(schema) && Array.isArray(schema['x-kubernetes-group-version-kind']) ? (schema['x-kubernetes-group-version-kind'] as GroupVersionKind[]) : [];
      if (name.startsWith('io.k8s.apimachinery.') || gvks.length !== 1 || gvks[0].kind.endsWith('List')) continue;
      if (apiVersionOf(gvks[0]) === servedHere) served.add(kindKey(servedHere, gvks[0].kind));
    }
  }
  if (!schemas.size) throw new Error(`no OpenAPI v3 documents (api/v1.json, apis/<group>/<version>.json) under ${dir}`);
  return { schemas, served };
}

/** Converts a folder of OpenAPI v3 documents into strict schemas for one Kubernetes version. */
export function convertOpenApiDir(dir: string, kubernetesVersion: string): KubeSchemaBundle {
  const { schemas, served } = readOpenApiDir(dir);
  const bundle: KubeSchemaBundle = { kubernetesVersion, kinds: {}, definitions: {} };
  const ref = (r: string) => `#/definitions/${r.startsWith(REF_PREFIX) ? r.slice(REF_PREFIX.length) : r}`;
  const defaultOf = (items: unknown, property: string): unknown => {
    const target = isObject(items) ? (items.$ref ?? (Array.isArray(items.allOf) && isObject(items.allOf[0]) ? items.allOf[0].$ref : undefined)) : undefined;
    const def = typeof target === 'string' ? schemas.get(target.slice(REF_PREFIX.length)) : undefined;
    const prop = def && isObject(def.properties) ? def.properties[property] : undefined;
    return isObject(prop) ? prop.default : undefined;
  };
  for (const [name, raw] of schemas) {
    const converted = convertNode(raw, { ref, defaultOf, enumsOf: (property) => API_ENUMS[`${name}.${property}`], defaulted: (property) => DEFAULTED_REQUIRED.has(`${name}.${property}`) });
    if (name === QUANTITY) Object.assign(converted, { type: ['string', 'number'], pattern: QUANTITY_PATTERN });
    const gvks = Array.isArray(raw['x-kubernetes-group-version-kind']) ? (raw['x-kubernetes-group-version-kind'] as GroupVersionKind[]) : [];
    const resources = gvks.filter((g) => served.has(kindKey(apiVersionOf(g), g.kind)));
    if (resources.length === 1 && isObject(converted.properties)) fixTypeMeta(converted, apiVersionOf(resources[0]), resources[0].kind);
    for (const g of resources) bundle.kinds[kindKey(apiVersionOf(g), g.kind)] = name;
    bundle.definitions[name] = converted;
  }
  return bundle;
}

/** A kind's schema accepts only its own apiVersion and kind. */
function fixTypeMeta(schema: JsonSchema, apiVersion: string, kind: string): void {
  const props = schema.properties as Record<string, JsonSchema>;
  props.apiVersion = { type: 'string', enum: [apiVersion] };
  props.kind = { type: 'string', enum: [kind] };
}

export function apiVersionOf(gvk: { group: string; version: string }): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (entry.endsWith('.json')) out.push(full);
  }
  return out;
}

/** `api/v1.json` → `v1`; `apis/apps/v1.json` → `apps/v1`. */
function apiVersionOfFile(dir: string, file: string): string {
  const parts = path.relative(dir, file).split(path.sep);
  const version = parts[parts.length - 1].replace(/\.json$/, '');
  return parts[0] === 'apis' && parts.length === 3 ? `${parts[1]}/${version}` : version;
}
