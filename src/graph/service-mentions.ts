import { formatFieldPath } from '../load/field-path.js';
import type { ObjectSet } from '../load/object-set.js';
import { isPlainObject, scalarText } from '../k8s/guards.js';
import type { K8sObject } from '../types.js';
import { ALWAYS_SET_ENV } from '../k8s/cluster-defaults.js';
import { podReferences } from '../k8s/pod-references.js';
import { containersOf, type PodTemplate } from '../k8s/workloads.js';

/** A Service named in a text: by cluster DNS name, bare name, or an injected `<SVC>_SERVICE_HOST` variable. */
export interface NameInText {
  name: string;
  namespace: string;
  /**
   * Clearly a Service: a `*.svc` / `*.svc.cluster.local` name or a `_SERVICE_HOST`/`_SERVICE_PORT` variable.
   * Other forms (`svc`, `svc.ns`) count only when such a Service exists.
   */
  clear: boolean;
  /** The text as written (`redis.cache.svc:6379` → `redis.cache.svc`). */
  written: string;
}

/** Where a Pod names a Service: its own env/args/command, or the data of a ConfigMap it reads. */
export interface ServiceMention extends NameInText {
  /** The object holding the text: the Pod's manifest, or the ConfigMap. */
  object: K8sObject;
  /** Field path of the text in that object. */
  path: string;
  /** Field path in the Pod's manifest that leads to the text (the env value, or the ConfigMap volume). */
  podPath: string;
}

const LABEL = '[a-z0-9](?:[-a-z0-9]*[a-z0-9])?';
const HOSTNAME = new RegExp(`(?<![\\w.-])(${LABEL}(?:\\.${LABEL})*)(?![\\w-]|\\.[\\w-])`, 'g');
const SERVICE_ENV = /(?<![A-Za-z0-9_])([A-Z][A-Z0-9_]*?)_SERVICE_(?:HOST|PORT)(?![A-Z0-9])/g;

/** The Service names in one text, relative to the namespace the reading Pod runs in. */
export function namesInText(text: string, namespace: string): NameInText[] {
  const out: NameInText[] = [];
  for (const m of text.matchAll(SERVICE_ENV)) {
    out.push({ name: m[1].toLowerCase().replace(/_/g, '-'), namespace, clear: true, written: m[0] });
  }
  for (const m of text.matchAll(HOSTNAME)) {
    const written = m[1];
    const parts = written.split('.');
    const start = m.index;
    const end = start + written.length;
    const clusterLocal = parts.length >= 5 && parts.slice(-3).join('.') === 'svc.cluster.local';
    const svcSuffix = parts.length >= 3 && parts[parts.length - 1] === 'svc';
    const base = clusterLocal ? parts.length - 3 : svcSuffix ? parts.length - 1 : -1;
    if (base === 2 || base === 3) {
      // `svc.ns.svc[.cluster.local]`, or a Pod of a headless Service: `pod.svc.ns.svc[.cluster.local]`.
      out.push({ name: parts[base - 2], namespace: parts[base - 1], clear: true, written });
    } else if (base === -1 && parts.length === 2) {
      out.push({ name: parts[0], namespace: parts[1], clear: false, written });
    } else if (base === -1 && parts.length === 1 && isAddress(text, start, end)) {
      out.push({ name: written, namespace, clear: false, written });
    }
  }
  return out;
}

/** A bare word names a host when it is the whole text, `host:port`, or the host of a URL (`scheme://host`, `user@host`). */
function isAddress(text: string, start: number, end: number): boolean {
  if (text.trim() === text.slice(start, end)) return true;
  if (/^:\d/.test(text.slice(end, end + 2))) return true;
  return text.slice(Math.max(0, start - 3), start) === '://' || text[start - 1] === '@';
}

/** The graph's `connects` edges and dangling-service-reference read the same mentions: worked out once per template. */
const mentionsCache = new WeakMap<K8sObject, { objects: ObjectSet; spec: PodTemplate['spec']; namespace: string; mentions: readonly ServiceMention[] }>();

/** Every Service name a Pod template uses, in its containers and in the ConfigMaps it mounts or reads with envFrom. */
export function serviceMentions(template: PodTemplate, objects: ObjectSet): readonly ServiceMention[] {
  const cached = mentionsCache.get(template.owner);
  if (cached && cached.objects === objects && cached.spec === template.spec && cached.namespace === template.namespace) return cached.mentions;
  const mentions = findServiceMentions(template, objects);
  mentionsCache.set(template.owner, { objects, spec: template.spec, namespace: template.namespace, mentions });
  return mentions;
}

function findServiceMentions(template: PodTemplate, objects: ObjectSet): ServiceMention[] {
  const out: ServiceMention[] = [];
  const owner = template.owner;
  // A variable the container sets itself (`env: [{name: DB_SERVICE_HOST, …}]`) is not one Kubernetes injects.
  let ownVariables = new Set<string>();
  const add = (text: unknown, object: K8sObject, path: string, podPath: string) => {
    if (typeof text !== 'string' || !text) return;
    for (const name of namesInText(text, template.namespace)) {
      if (!ownVariables.has(name.written) && !ALWAYS_SET_ENV.has(name.written)) out.push({ ...name, object, path, podPath });
    }
  };
  for (const { container, path } of containersOf(template)) {
    ownVariables = new Set(Array.isArray(container.env) ? container.env.map((env) => (isPlainObject(env) ? (scalarText(env.name) ?? '') : '')) : []);
    for (const name of envFromNames(container.envFrom, objects, template.namespace)) ownVariables.add(name);
    if (Array.isArray(container.env)) {
      container.env.forEach((env, i) => {
        if (isPlainObject(env)) add(env.value, owner, `${path}.env[${i}].value`, `${path}.env[${i}].value`);
      });
    }
    for (const field of ['command', 'args'] as const) {
      const list = container[field];
      if (Array.isArray(list)) list.forEach((arg, i) => add(arg, owner, `${path}.${field}[${i}]`, `${path}.${field}[${i}]`));
    }
  }
  ownVariables = new Set();
  const seen = new Set<string>();
  for (const ref of podReferences(template)) {
    // A single-key env reference reads one value, not the ConfigMap's files; only volumes and envFrom are scanned.
    if (ref.kind !== 'ConfigMap' || (ref.keys.length > 0 && ref.type === 'references') || seen.has(ref.name)) continue;
    const configMap = objects.find('ConfigMap', template.namespace, ref.name);
    if (!configMap || !isPlainObject(configMap.body.data)) continue;
    seen.add(ref.name);
    const podPath = ref.path.replace(/\.name$/, '');
    for (const [key, value] of Object.entries(configMap.body.data)) add(value, configMap, formatFieldPath(['data', key]), podPath);
  }
  return out;
}

/** The variables a container's `envFrom` sets from ConfigMaps and Secrets of the input (prefix included). */
function envFromNames(envFrom: unknown, objects: ObjectSet, namespace: string): string[] {
  if (!Array.isArray(envFrom)) return [];
  const names: string[] = [];
  for (const source of envFrom) {
    if (!isPlainObject(source)) continue;
    const prefix = typeof source.prefix === 'string' ? source.prefix : '';
    for (const [kind, field, dataFields] of [['ConfigMap', 'configMapRef', ['data', 'binaryData']], ['Secret', 'secretRef', ['data', 'stringData']]] as const) {
      const ref = source[field];
      if (!isPlainObject(ref) || typeof ref.name !== 'string') continue;
      const target = objects.find(kind, namespace, ref.name);
      for (const dataField of dataFields) {
        const data = target?.body[dataField];
        if (isPlainObject(data)) for (const key of Object.keys(data)) names.push(prefix + key);
      }
    }
  }
  return names;
}
