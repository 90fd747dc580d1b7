import { podReferences, type PodReference } from '../k8s/pod-references.js';
import { findProduced, SERVICE_ACCOUNT_TOKEN_KEYS } from '../k8s/producers.js';
import { podTemplateOf } from '../k8s/workloads.js';
import { isPlainObject } from '../k8s/guards.js';
import type { K8sObject } from '../types.js';
import { assumedToExist, type AssumeExistingOptions } from './assume-existing.js';
import type { RuleContext } from './rule.js';

/** Reports each non-optional reference of a Pod template to an object of `kind` that the input lacks. */
export function reportMissingPodReferences(ctx: RuleContext<AssumeExistingOptions>, kind: PodReference['kind'], skip: (ref: PodReference) => boolean = () => false): void {
  const { objects, options, report } = ctx;
  for (const obj of objects) {
    const template = podTemplateOf(obj);
    if (!template) continue;
    for (const ref of podReferences(template)) {
      if (ref.kind !== kind || ref.optional || skip(ref)) continue;
      const namespace = kind === 'PriorityClass' ? null : template.namespace;
      if (objects.find(kind, namespace, ref.name) || findProduced(objects, kind, namespace, ref.name) || assumedToExist(options.assumeExisting, namespace, ref.name)) continue;
      const verb = ref.type === 'mounts' ? 'mounts' : 'refers to';
      // the kubelet still pulls public images without the pull Secret: a warning, not a failure
      const pullSecret = /\.imagePullSecrets\[\d+\]/.test(ref.path);
      report(obj, ref.path, `${obj.kind} "${obj.name}" ${verb} ${kind} "${ref.name}", which is not in the input (namespace "${template.namespace}")`, undefined, pullSecret ? { severity: 'warning' } : undefined);
    }
  }
}

/** Reports each key a Pod template reads (`configMapKeyRef.key`, volume `items[].key`) that the object, present in the input, lacks. */
export function reportMissingKeys(ctx: RuleContext, kind: 'ConfigMap' | 'Secret'): void {
  const { objects, report } = ctx;
  for (const obj of objects) {
    const template = podTemplateOf(obj);
    if (!template) continue;
    for (const ref of podReferences(template)) {
      if (ref.kind !== kind || ref.optional || ref.keys.length === 0) continue;
      const target = objects.find(kind, template.namespace, ref.name);
      if (!target) continue;
      const keys = keysOf(target);
      if (target.kind === 'Secret' && target.body.type === 'kubernetes.io/service-account-token') for (const key of SERVICE_ACCOUNT_TOKEN_KEYS) keys.add(key);
      for (const { key, path } of ref.keys) {
        if (keys.has(key)) {
          // An environment variable reads a ConfigMap's data only (binaryData is for volumes).
          if (kind === 'ConfigMap' && /configMapKeyRef/.test(String(path)) && !hasKey(target.body.data, key)) {
            report(obj, path, `ConfigMap "${ref.name}" has key "${key}" only in binaryData; an environment variable reads data only, so the container fails to start (CreateContainerConfigError)`, undefined, { related: [{ object: target, path: ['binaryData', key], message: `the key is in binaryData of ConfigMap "${ref.name}"` }] });
          }
          continue;
        }
        const known = keys.size ? `its keys: ${[...keys].sort().join(', ')}` : 'it has no data';
        report(obj, path, `${kind} "${ref.name}" has no key "${key}" (${known})`, undefined, { related: [{ object: target, path: 'metadata.name', message: `${kind} "${ref.name}" is defined here` }] });
      }
    }
  }
}

function hasKey(map: unknown, key: string): boolean {
  return isPlainObject(map) && Object.hasOwn(map, key);
}

/** ConfigMap: `data` + `binaryData`; Secret: `data` + `stringData` (the API server merges it into data). */
function keysOf(obj: K8sObject): Set<string> {
  const fields = obj.kind === 'Secret' ? ['data', 'stringData'] : ['data', 'binaryData'];
  const keys = new Set<string>();
  for (const field of fields) {
    const value = obj.body[field];
    if (isPlainObject(value)) for (const key of Object.keys(value)) keys.add(key);
  }
  return keys;
}
