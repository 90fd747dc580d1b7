import type { K8sObject } from '../types.js';
import { isPlainObject } from './guards.js';

/** An object a controller writes at run time, from another object of the input. */
export interface Produced {
  kind: 'Secret';
  namespace: string;
  name: string;
  /** The object whose controller writes it. */
  producer: K8sObject;
  /** The producer's field that names it (`metadata.name` when it takes the producer's name). */
  path: string;
  /** The keys it will hold, when the producer tells them; undefined: unknown. */
  keys?: readonly string[];
}

type Producer = (obj: K8sObject, namespace: string) => Produced | undefined;

/**
 * What produces what: one table of the controllers that write objects a manifest may refer to
 * without defining them. StatefulSet claims (`<template>-<statefulset>-<ordinal>`) are implied
 * graph nodes (graph/build.ts); Pods of workload kinds are in workload-kinds.ts.
 */
const PRODUCERS: ReadonlyMap<string, Producer> = new Map<string, Producer>([
  // cert-manager writes the certificate and key into spec.secretName
  ['Certificate', (obj, namespace) => {
    const name = stringAt(obj.body.spec, 'secretName');
    return name ? { kind: 'Secret', namespace, name, producer: obj, path: 'spec.secretName', keys: ['tls.crt', 'tls.key', 'ca.crt'] } : undefined;
  }],
  // External Secrets Operator: spec.target.name, else the ExternalSecret's own name
  ['ExternalSecret', (obj, namespace) => {
    const spec = obj.body.spec;
    const name = isPlainObject(spec) ? stringAt(spec.target, 'name') : undefined;
    return { kind: 'Secret', namespace, name: name ?? obj.name, producer: obj, path: name ? 'spec.target.name' : 'metadata.name' };
  }],
  // Bitnami Sealed Secrets: a Secret of the SealedSecret's own name, with its encrypted keys
  ['SealedSecret', (obj, namespace) => {
    const spec = obj.body.spec;
    const encrypted = isPlainObject(spec) && isPlainObject(spec.encryptedData) ? Object.keys(spec.encryptedData) : undefined;
    const name = isPlainObject(spec) && isPlainObject(spec.template) ? stringAt(spec.template.metadata, 'name') : undefined;
    return { kind: 'Secret', namespace, name: name ?? obj.name, producer: obj, path: 'metadata.name', keys: encrypted };
  }],
]);

/** The objects this object's controller will write, if its kind is in the table. */
export function producedBy(obj: K8sObject): Produced | undefined {
  if (obj.namespace === null || obj.name.endsWith('*')) return undefined;
  return PRODUCERS.get(obj.kind)?.(obj, obj.namespace);
}

/** Keys the token controller adds to a `kubernetes.io/service-account-token` Secret. */
export const SERVICE_ACCOUNT_TOKEN_KEYS: readonly string[] = ['token', 'ca.crt', 'namespace'];

function stringAt(value: unknown, field: string): string | undefined {
  if (!isPlainObject(value) || !Object.hasOwn(value, field)) return undefined;
  const found = value[field];
  return typeof found === 'string' && found ? found : undefined;
}

const indexes = new WeakMap<object, Map<string, Produced>>();

/** The first producer in the input of a `kind` object named `name` in `namespace`, if any. */
export function findProduced(objects: Iterable<K8sObject>, kind: string, namespace: string | null, name: string): Produced | undefined {
  let index = indexes.get(objects);
  if (!index) {
    index = new Map();
    for (const obj of objects) {
      const made = producedBy(obj);
      const key = made && `${made.kind}/${made.namespace}/${made.name}`;
      if (made && key && !index.has(key)) index.set(key, made);
    }
    indexes.set(objects, index);
  }
  return namespace === null ? undefined : index.get(`${kind}/${namespace}/${name}`);
}
