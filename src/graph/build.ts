import type { ObjectSet } from '../load/object-set.js';
import { isPlainObject, labelMap } from '../k8s/guards.js';
import type { K8sObject } from '../types.js';
import { KnitGraph } from './graph.js';
import { EDGE_BUILDERS } from './edges/index.js';
import { workloadKind } from '../k8s/workload-kinds.js';
import { podTemplateOf, type PodTemplate } from '../k8s/workloads.js';

const IMPLIED_API_VERSION: Record<string, string> = { StatefulSet: 'apps/v1', ReplicaSet: 'apps/v1', Job: 'batch/v1', Pod: 'v1', ReplicationController: 'v1' };

/** Builds the run's graph: one node per object, implied nodes, and typed edges between them. */
export function buildGraph(objects: ObjectSet): KnitGraph {
  const graph = new KnitGraph();
  for (const obj of objects) addObjectNode(graph, obj);
  for (const rollout of objects.ofKind('Rollout')) {
    addWorkloadRefPods(graph, objects, rollout);
    addExperimentPods(graph, rollout);
  }
  for (const build of EDGE_BUILDERS) {
    // One builder's bug on odd input costs its edges, not the run.
    try {
      build(graph, objects);
    } catch (err) {
      graph.failures.push({ builder: build.name || 'an edge builder', error: err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error' });
    }
  }
  return graph;
}

/**
 * A canary step's `experiment.templates[]` runs the Rollout's template under its own `metadata`
 * labels (a preview stack a separate Service can select): implied Pods owned by the Rollout.
 */
function addExperimentPods(graph: KnitGraph, rollout: K8sObject): void {
  const template = podTemplateOf(rollout);
  const spec = rollout.body.spec;
  const strategy = isPlainObject(spec) && isPlainObject(spec.strategy) ? spec.strategy : undefined;
  const steps = strategy && isPlainObject(strategy.canary) && Array.isArray(strategy.canary.steps) ? strategy.canary.steps : [];
  if (!template) return;
  steps.forEach((step, i) => {
    const templates = isPlainObject(step) && isPlainObject(step.experiment) && Array.isArray(step.experiment.templates) ? step.experiment.templates : [];
    templates.forEach((entry, j) => {
      if (!isPlainObject(entry) || typeof entry.name !== 'string' || !isPlainObject(entry.metadata) || !isPlainObject(entry.metadata.labels)) return;
      const labels = labelMap(entry.metadata.labels);
      const path = `spec.strategy.canary.steps[${i}].experiment.templates[${j}]`;
      const node = graph.addNode({
        id: `${rollout.id}#Pod/${entry.name}`, apiVersion: 'v1', kind: 'Pod', namespace: rollout.namespace, name: `${rollout.name}-${entry.name}-*`,
        implied: true, missing: false, impliedBy: rollout, podTemplate: { ...template, labels, metadataPath: `${path}.metadata` },
      });
      graph.addEdge({ from: rollout.id, to: node.id, type: 'owns', path });
    });
  });
}

/** A Rollout with `spec.workloadRef` runs the referenced Deployment's template: it owns those Pods. */
function addWorkloadRefPods(graph: KnitGraph, objects: ObjectSet, rollout: K8sObject): void {
  const spec = rollout.body.spec;
  if (!isPlainObject(spec) || !isPlainObject(spec.workloadRef) || rollout.namespace === null) return;
  const { kind, name } = spec.workloadRef;
  if (typeof kind !== 'string' || typeof name !== 'string') return;
  const target = objects.find(kind, rollout.namespace, name);
  const pods = target && graph.node(`${target.id}#Pod`);
  if (pods) graph.addEdge({ from: rollout.id, to: pods.id, type: 'owns', path: 'spec.workloadRef' });
}

function addObjectNode(graph: KnitGraph, obj: K8sObject): void {
  const template = podTemplateOf(obj);
  graph.addNode({
    id: obj.id, apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.namespace, name: obj.name,
    implied: false, missing: false, object: obj, podTemplate: obj.kind === 'Pod' ? template : undefined,
  });
  if (obj.kind === 'StatefulSet') addClaimTemplateNodes(graph, obj);
  const chain = workloadKind(obj.kind)?.creates;
  if (!chain || !template) return;
  let parent = obj.id;
  let name = obj.name;
  for (let i = 0; i < chain.length; i++) {
    const kind = chain[i];
    name = `${name}-*`;
    const node = graph.addNode({
      id: `${obj.id}#${kind}`, apiVersion: IMPLIED_API_VERSION[kind], kind, namespace: obj.namespace, name,
      implied: true, missing: false, impliedBy: obj, podTemplate: kind === 'Pod' ? template : undefined,
    });
    graph.addEdge({ from: parent, to: node.id, type: 'owns', path: i === chain.length - 1 ? templatePath(template) : 'spec' });
    parent = node.id;
  }
}

/** The id of the claim a StatefulSet makes per Pod from one of its volumeClaimTemplates. */
export function impliedClaimId(statefulSet: K8sObject, claimName: string): string {
  return `${statefulSet.id}#PersistentVolumeClaim/${claimName}`;
}

/** StatefulSet → implied PVCs (`<template>-<statefulset>-<ordinal>`), one node per claim template. */
function addClaimTemplateNodes(graph: KnitGraph, sts: K8sObject): void {
  const spec = sts.body.spec;
  if (!isPlainObject(spec) || !Array.isArray(spec.volumeClaimTemplates) || sts.namespace === null) return;
  spec.volumeClaimTemplates.forEach((claim, i) => {
    if (!isPlainObject(claim) || !isPlainObject(claim.metadata) || typeof claim.metadata.name !== 'string') return;
    const path = `spec.volumeClaimTemplates[${i}]`;
    const node = graph.addNode({
      id: impliedClaimId(sts, claim.metadata.name), apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: sts.namespace,
      name: `${claim.metadata.name}-${sts.name}-*`, implied: true, missing: false, impliedBy: sts, claimTemplate: { body: claim, path },
    });
    graph.addEdge({ from: sts.id, to: node.id, type: 'owns', path });
  });
}

function templatePath(template: PodTemplate): string {
  return template.metadataPath.slice(0, -'.metadata'.length);
}
