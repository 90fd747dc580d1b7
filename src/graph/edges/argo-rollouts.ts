import { isPlainObject } from '../../k8s/guards.js';
import type { ObjectSet } from '../../load/object-set.js';
import type { JsonObject, K8sObject } from '../../types.js';
import type { EdgeBuilder } from './types.js';

/** Argo Rollouts' group (https://argo-rollouts.readthedocs.io/en/stable/features/specification/). */
export const ARGO_GROUP = 'argoproj.io';

/** An object an Argo Rollout or Experiment names, with the field that names it. */
export interface RolloutRef {
  kind: 'Service' | 'AnalysisTemplate' | 'ClusterAnalysisTemplate' | 'Deployment' | 'ReplicaSet' | 'PodTemplate';
  /** null for a ClusterAnalysisTemplate. */
  namespace: string | null;
  name: string;
  /** The field holding the name, and the edge's path (the entry). */
  path: string;
  edgePath: string;
}

const SERVICE_FIELDS = [['canary', 'canaryService'], ['canary', 'stableService'], ['blueGreen', 'activeService'], ['blueGreen', 'previewService']] as const;

export function argoRolloutsObjects(objects: ObjectSet): K8sObject[] {
  return objects.ofKind('Rollout', 'Experiment').filter((obj) => obj.group === ARGO_GROUP);
}

/** The Services, workload and analysis templates a Rollout (or an Experiment) names. */
export function rolloutRefs(obj: K8sObject): RolloutRef[] {
  const spec = obj.body.spec;
  if (!isPlainObject(spec) || obj.namespace === null) return [];
  const ns = obj.namespace;
  const out: RolloutRef[] = [];
  const templates = (list: unknown, path: string, nameField: 'templateName') => {
    if (!Array.isArray(list)) return;
    list.forEach((t, i) => {
      if (!isPlainObject(t) || typeof t[nameField] !== 'string' || !t[nameField]) return;
      const cluster = t.clusterScope === true;
      out.push({ kind: cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate', namespace: cluster ? null : ns, name: t[nameField] as string, path: `${path}[${i}].${nameField}`, edgePath: `${path}[${i}]` });
    });
  };
  if (obj.kind === 'Experiment') {
    templates(spec.analyses, 'spec.analyses', 'templateName');
    return out;
  }
  const strategy = isPlainObject(spec.strategy) ? spec.strategy : {};
  for (const [kind, field] of SERVICE_FIELDS) {
    const block = strategy[kind];
    if (isPlainObject(block) && typeof block[field] === 'string' && block[field]) {
      out.push({ kind: 'Service', namespace: ns, name: block[field] as string, path: `spec.strategy.${kind}.${field}`, edgePath: `spec.strategy.${kind}.${field}` });
    }
  }
  const canary = isPlainObject(strategy.canary) ? strategy.canary : undefined;
  if (canary) {
    if (isPlainObject(canary.analysis)) templates(canary.analysis.templates, 'spec.strategy.canary.analysis.templates', 'templateName');
    if (Array.isArray(canary.steps)) {
      canary.steps.forEach((step, s) => {
        if (!isPlainObject(step)) return;
        if (isPlainObject(step.analysis)) templates(step.analysis.templates, `spec.strategy.canary.steps[${s}].analysis.templates`, 'templateName');
        if (isPlainObject(step.experiment)) templates(step.experiment.analyses, `spec.strategy.canary.steps[${s}].experiment.analyses`, 'templateName');
      });
    }
  }
  const blueGreen = isPlainObject(strategy.blueGreen) ? strategy.blueGreen : undefined;
  if (blueGreen) {
    for (const field of ['prePromotionAnalysis', 'postPromotionAnalysis']) {
      const analysis = blueGreen[field];
      if (isPlainObject(analysis)) templates(analysis.templates, `spec.strategy.blueGreen.${field}.templates`, 'templateName');
    }
  }
  const workload = workloadRefOf(spec);
  if (workload) out.push({ ...workload, namespace: ns });
  return out;
}

function workloadRefOf(spec: JsonObject): Omit<RolloutRef, 'namespace'> | undefined {
  const ref = spec.workloadRef;
  if (!isPlainObject(ref) || typeof ref.name !== 'string' || !ref.name) return undefined;
  const kind = ref.kind === undefined ? 'Deployment' : ref.kind;
  if (kind !== 'Deployment' && kind !== 'ReplicaSet' && kind !== 'PodTemplate') return undefined;
  return { kind, name: ref.name, path: 'spec.workloadRef.name', edgePath: 'spec.workloadRef' };
}

const API_VERSION: Record<RolloutRef['kind'], string> = {
  Service: 'v1', Deployment: 'apps/v1', ReplicaSet: 'apps/v1', PodTemplate: 'v1',
  AnalysisTemplate: `${ARGO_GROUP}/v1alpha1`, ClusterAnalysisTemplate: `${ARGO_GROUP}/v1alpha1`,
};

/** Argo Rollouts: Rollout → its canary/stable/active/preview Services, its workloadRef and its analysis templates; Experiment → its templates (`references`). */
export const argoRolloutsEdges: EdgeBuilder = (graph, objects) => {
  for (const obj of argoRolloutsObjects(objects)) {
    for (const ref of rolloutRefs(obj)) {
      graph.addEdge({ from: obj.id, to: graph.referenceNode(API_VERSION[ref.kind], ref.kind, ref.namespace, ref.name).id, type: 'references', path: ref.edgePath });
    }
  }
};
