import { podReferences, type PodReference } from '../k8s/pod-references.js';
import { findProduced, SERVICE_ACCOUNT_TOKEN_KEYS } from '../k8s/producers.js';
import { describeResources, likelyMaker } from '../k8s/unknown-makers.js';
import { podTemplateOf } from '../k8s/workloads.js';
import { isPlainObject } from '../k8s/guards.js';
import type { K8sObject } from '../types.js';
import { existsOutside, type AssumeExistingOptions } from './assume-existing.js';
import type { RuleContext } from './rule.js';

/**
 * Messages of a Pod template's reference to an object the input lacks (missing-configmap,
 * missing-secret, missing-service-account spread them into their own `messages`). Data: `kind` and
 * `name` of the referring object, `targetKind` and `target` of the missing one, its `namespace`, and
 * for the `…MaybeMade` forms `makers`, the custom resources that may make it.
 */
export const MISSING_REFERENCE_MESSAGES = {
  mountsMissing: '{{kind}} "{{name}}" mounts {{targetKind}} "{{target}}", which is not in the input (namespace "{{namespace}}")',
  refersToMissing: '{{kind}} "{{name}}" refers to {{targetKind}} "{{target}}", which is not in the input (namespace "{{namespace}}")',
  mountsMissingMaybeMade: '{{kind}} "{{name}}" mounts {{targetKind}} "{{target}}", which is not in the input (namespace "{{namespace}}"); {{makers}}, a custom resource kubeknit does not know, may make it',
  refersToMissingMaybeMade: '{{kind}} "{{name}}" refers to {{targetKind}} "{{target}}", which is not in the input (namespace "{{namespace}}"); {{makers}}, a custom resource kubeknit does not know, may make it',
} as const;

/**
 * Messages of a key a Pod template reads that its ConfigMap or Secret lacks (missing-configmap-key,
 * missing-secret-key). Data: `targetKind` and `target` of the object, the `key`, and `keys` (its
 * keys, sorted, comma-separated).
 */
export const MISSING_KEY_MESSAGES = {
  keyMissing: '{{targetKind}} "{{target}}" has no key "{{key}}" (its keys: {{keys}})',
  keyMissingNoData: '{{targetKind}} "{{target}}" has no key "{{key}}" (it has no data)',
  keyOnlyInBinaryData: 'ConfigMap "{{target}}" has key "{{key}}" only in binaryData; an environment variable reads data only, so the container fails to start (CreateContainerConfigError)',
} as const;

/** Reports each non-optional reference of a Pod template to an object of `kind` that the input lacks. */
export function reportMissingPodReferences(ctx: RuleContext<AssumeExistingOptions>, kind: PodReference['kind'], skip: (ref: PodReference) => boolean = () => false): void {
  const { objects, report } = ctx;
  for (const obj of objects) {
    const template = podTemplateOf(obj);
    if (!template) continue;
    for (const ref of podReferences(template)) {
      if (ref.kind !== kind || ref.optional || skip(ref)) continue;
      const namespace = kind === 'PriorityClass' ? null : template.namespace;
      if (objects.find(kind, namespace, ref.name) || findProduced(objects, kind, namespace, ref.name) || existsOutside(ctx, kind, namespace, ref.name)) continue;
      const id: keyof typeof MISSING_REFERENCE_MESSAGES = ref.type === 'mounts' ? 'mountsMissing' : 'refersToMissing';
      // the kubelet still pulls public images without the pull Secret: a warning, not a failure
      const pullSecret = /\.imagePullSecrets\[\d+\]/.test(ref.path);
      const maker = kind === 'ConfigMap' || kind === 'Secret' ? likelyMaker(objects, template.namespace, ref.name) : undefined;
      const data = { kind: obj.kind, name: obj.name, targetKind: kind, target: ref.name, namespace: template.namespace };
      if (maker) report(obj, ref.path, `${id}MaybeMade`, { ...data, makers: describeResources([maker]) }, { severity: 'info', related: [{ object: maker, path: 'metadata.name', message: `${maker.kind} "${maker.name}" may make ${kind} "${ref.name}"` }] });
      else report(obj, ref.path, id, data, pullSecret ? { severity: 'warning' } : undefined);
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
            report(obj, path, 'keyOnlyInBinaryData', { target: ref.name, key }, { related: [{ object: target, path: ['binaryData', key], message: `the key is in binaryData of ConfigMap "${ref.name}"` }] });
          }
          continue;
        }
        const data = { targetKind: kind, target: ref.name, key };
        const related = [{ object: target, path: 'metadata.name', message: `${kind} "${ref.name}" is defined here` }];
        if (keys.size) report(obj, path, 'keyMissing', { ...data, keys: [...keys].sort().join(', ') }, { related });
        else report(obj, path, 'keyMissingNoData', data, { related });
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
