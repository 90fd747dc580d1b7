import type { K8sObject } from '../types.js';
import { convertNode, isObject } from './convert-node.js';
import type { JsonSchema } from './types.js';

/** One version of a custom resource as a CustomResourceDefinition of the input declares it. */
export interface CrdVersion {
  group: string;
  kind: string;
  version: string;
  served: boolean;
  /** The strict schema of the resource (from `openAPIV3Schema`), when the CRD gives one. */
  schema: JsonSchema | undefined;
  /** The `openAPIV3Schema` as written, for its CEL rules. */
  rawSchema: JsonSchema | undefined;
  crd: K8sObject;
}

/** The versions a CRD declares (apiextensions.k8s.io/v1, or v1beta1's single `validation`). */
export function crdVersions(crd: K8sObject): CrdVersion[] {
  const spec = crd.body.spec;
  if (!isObject(spec) || typeof spec.group !== 'string' || !isObject(spec.names) || typeof spec.names.kind !== 'string') return [];
  const { group } = spec;
  const kind = spec.names.kind;
  const shared = isObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const versions: unknown[] = Array.isArray(spec.versions) ? spec.versions : typeof spec.version === 'string' ? [{ name: spec.version, served: true }] : [];
  const out: CrdVersion[] = [];
  for (const v of versions) {
    if (!isObject(v) || typeof v.name !== 'string') continue;
    const raw = isObject(v.schema) ? v.schema.openAPIV3Schema : shared;
    out.push({ group, kind, version: v.name, served: v.served !== false, schema: isObject(raw) ? customResourceSchema(raw, `${group}/${v.name}`, kind) : undefined, rawSchema: isObject(raw) ? raw : undefined, crd });
  }
  return out;
}

/** Placeholder replaced by the reference to the built-in ObjectMeta of the Kubernetes version used. */
export const OBJECT_META_REF = '#object-meta';

/** The CRD's schema made strict, with apiVersion/kind fixed; metadata is checked as the API server does (ObjectMeta). */
function customResourceSchema(raw: JsonSchema, apiVersion: string, kind: string): JsonSchema {
  const schema = convertNode(raw, { ref: (r) => r });
  const props = isObject(schema.properties) ? schema.properties : {};
  schema.properties = { ...props, apiVersion: { type: 'string', enum: [apiVersion] }, kind: { type: 'string', enum: [kind] }, metadata: { $ref: OBJECT_META_REF } };
  return schema;
}
