import { isPlainObject, labelMap } from './guards.js';
import type { JsonObject, K8sObject } from '../types.js';
import { selectorFromLabelSelector, selectorFromMap, type LabelSelector } from './selector.js';
import { oncePerTemplate } from './template-memo.js';
import { setOwn } from '../own.js';
import { workloadKind, type WorkloadKind } from './workload-kinds.js';

/** The Pods an object stands for: a Pod itself, or a controller's template. */
export interface PodTemplate {
  owner: K8sObject;
  namespace: string;
  labels: Record<string, string>;
  /** The PodSpec (may be empty when the manifest is incomplete). */
  spec: JsonObject;
  /** Field path of the template's metadata (`metadata` for a Pod). */
  metadataPath: string;
  /** Field path of the PodSpec (`spec` for a Pod, `spec.template.spec` for a Deployment). */
  specPath: string;
  /** How many Pods run at once (replicas, default 1; DaemonSets: unknown → Infinity). */
  replicas: number;
  /** An operator writes the PodSpec (containers, ports): `spec` is empty, and what it lacks is unknown, not missing. */
  opaque?: boolean;
}

/** Many rules ask for the same object's template; it is worked out once per object. */
const templates = new WeakMap<K8sObject, { namespace: string | null; template: PodTemplate | undefined }>();

export function podTemplateOf(obj: K8sObject): PodTemplate | undefined {
  if (!workloadKind(obj.kind)) return undefined; // most kinds run no Pods: no need to cache that
  const cached = templates.get(obj);
  if (cached && cached.namespace === obj.namespace) return cached.template;
  const template = computePodTemplate(obj);
  templates.set(obj, { namespace: obj.namespace, template });
  return template;
}

function computePodTemplate(obj: K8sObject): PodTemplate | undefined {
  const workload = workloadKind(obj.kind);
  if (!workload || obj.namespace === null) return undefined;
  const segments = workload.templatePath;
  if (obj.kind === 'PodTemplate' && !isPlainObject(obj.body.template)) return undefined;
  if (workload.operatorLabels) return operatorPodTemplate(obj, obj.namespace, workload);
  // a Rollout with spec.workloadRef has no template of its own: it runs the referenced Deployment's
  if (obj.kind === 'Rollout' && isPlainObject(obj.body.spec) && !isPlainObject(obj.body.spec.template)) return undefined;
  let template: unknown = obj.body;
  for (const seg of segments) template = isPlainObject(template) ? template[seg] : undefined;
  if (!isPlainObject(template)) template = {};
  const tpl = template as JsonObject;
  const metadata = isPlainObject(tpl.metadata) ? tpl.metadata : {};
  const labels = labelMap(metadata.labels);
  const prefix = segments.join('.');
  return {
    owner: obj,
    namespace: obj.namespace,
    labels,
    spec: isPlainObject(tpl.spec) ? tpl.spec : {},
    metadataPath: prefix ? `${prefix}.metadata` : 'metadata',
    specPath: prefix ? `${prefix}.spec` : 'spec',
    replicas: replicasOf(obj, workload),
  };
}

/** The Pods an operator makes: no PodSpec kubeknit can read, labels from the operator and `podMetadata`. */
function operatorPodTemplate(obj: K8sObject, namespace: string, workload: WorkloadKind): PodTemplate {
  let metadata: unknown = obj.body;
  for (const seg of workload.templatePath) metadata = isPlainObject(metadata) ? metadata[seg] : undefined;
  const labels = labelMap(isPlainObject(metadata) ? metadata.labels : undefined);
  for (const [key, value] of Object.entries(workload.operatorLabels?.(obj.name) ?? {})) setOwn(labels, key, value);
  return {
    owner: obj, namespace, labels, spec: {}, opaque: true,
    metadataPath: workload.templatePath.join('.'), specPath: 'spec', replicas: replicasOf(obj, workload),
  };
}

function replicasOf(obj: K8sObject, workload: WorkloadKind): number {
  if (workload.replicas === 'perNode') return Infinity;
  if (workload.replicas === 'one') return 1;
  const spec = obj.body.spec;
  if (!isPlainObject(spec)) return 1;
  if (workload.replicas === 'parallelism') {
    const jobSpec = obj.kind === 'CronJob' && isPlainObject(spec.jobTemplate) && isPlainObject(spec.jobTemplate.spec) ? spec.jobTemplate.spec : spec;
    return Number.isInteger(jobSpec.parallelism) ? (jobSpec.parallelism as number) : 1;
  }
  return Number.isInteger(spec.replicas) ? (spec.replicas as number) : 1;
}

/** The selector a controller declares over its own Pods, if any. */
export function controllerSelector(obj: K8sObject): { selector: LabelSelector; path: string } | undefined {
  const spec = obj.body.spec;
  if (!isPlainObject(spec) || spec.selector === undefined || spec.selector === null) return undefined;
  const style = workloadKind(obj.kind)?.selector;
  if (!style) return undefined;
  const selector = style === 'map' ? selectorFromMap(spec.selector) : selectorFromLabelSelector(spec.selector);
  return selector ? { selector, path: 'spec.selector' } : undefined;
}

export interface ContainerRef {
  container: JsonObject;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: 'containers' | 'initContainers' | 'ephemeralContainers';
  index: number;
  /** Field path of the container, e.g. `spec.template.spec.containers[1]`. */
  path: string;
}

const ALL_LISTS: ContainerRef['list'][] = ['initContainers', 'containers', 'ephemeralContainers'];

/** Every container of a Pod template, init and ephemeral containers included (or those of the lists given). */
export function containersOf(template: PodTemplate, lists?: ContainerRef['list'][]): readonly ContainerRef[] {
  return lists ? findContainers(template, lists) : allContainers(template);
}

const allContainers = oncePerTemplate((template) => findContainers(template, ALL_LISTS));

function findContainers(template: PodTemplate, lists: ContainerRef['list'][]): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of lists) {
    const items = template.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((container, index) => {
      if (isPlainObject(container)) out.push({ container, list, index, path: `${template.specPath}.${list}[${index}]` });
    });
  }
  return out;
}

