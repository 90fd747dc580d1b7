import type { ObjectSet } from '../../load/object-set.js';
import { isPlainObject } from '../../k8s/guards.js';
import type { K8sObject } from '../../types.js';
import type { KnitGraph } from '../graph.js';
import { namespaceLabels, namespacesOf } from '../namespaces.js';
import { selectorFromLabelSelector, selectorMatches, type LabelSelector } from '../../k8s/selector.js';
import type { EdgeBuilder } from './types.js';

/** The Prometheus operator's group (https://prometheus-operator.dev/docs/api-reference/api/). */
export const MONITORING_GROUP = 'monitoring.coreos.com';

/** Where a ServiceMonitor or PodMonitor looks: its `namespaceSelector` (`any`, `matchNames`), else its own namespace. */
export interface MonitorScope {
  /** Every namespace (`any: true`). */
  any: boolean;
  /** The namespaces named, when not `any`. */
  names: string[];
}

export interface MonitorTarget {
  selector: LabelSelector;
  scope: MonitorScope;
}

/** A monitor's endpoint and the port (a name) it scrapes. */
export interface MonitorEndpoint {
  port?: string;
  targetPort?: number | string;
  path: string;
}

export function isMonitoring(obj: K8sObject): boolean {
  return obj.group === MONITORING_GROUP;
}

export function serviceMonitorsOf(objects: ObjectSet): K8sObject[] {
  return objects.ofKind('ServiceMonitor').filter(isMonitoring);
}

export function podMonitorsOf(objects: ObjectSet): K8sObject[] {
  return objects.ofKind('PodMonitor').filter(isMonitoring);
}

/** A monitor's `spec.selector` and `spec.namespaceSelector`. */
export function monitorTarget(monitor: K8sObject): MonitorTarget | undefined {
  const spec = monitor.body.spec;
  if (!isPlainObject(spec) || monitor.namespace === null) return undefined;
  const selector = selectorFromLabelSelector(spec.selector);
  if (!selector) return undefined;
  const ns = spec.namespaceSelector;
  if (isPlainObject(ns) && ns.any === true) return { selector, scope: { any: true, names: [] } };
  const names = isPlainObject(ns) && Array.isArray(ns.matchNames) ? ns.matchNames.filter((n): n is string => typeof n === 'string') : [];
  return { selector, scope: { any: false, names: names.length ? names : [monitor.namespace] } };
}

/** The namespaces of the input a monitor looks in, among those where objects of `kinds` live. */
export function scopeNamespaces(scope: MonitorScope, objects: ObjectSet, ...kinds: string[]): string[] {
  const present = namespacesOf(objects, ...kinds);
  return scope.any ? [...present] : scope.names.filter((n) => present.has(n));
}

/** The Services of the input a ServiceMonitor selects. */
export function monitoredServices(monitor: K8sObject, objects: ObjectSet): K8sObject[] {
  const target = monitorTarget(monitor);
  if (!target) return [];
  const inScope = target.scope.any ? () => true : (svc: K8sObject) => target.scope.names.includes(svc.namespace ?? '');
  return objects.ofKind('Service').filter((svc) => inScope(svc) && selectorMatches(target.selector, svc.labels));
}

/** `spec.endpoints` (ServiceMonitor) or `spec.podMetricsEndpoints` (PodMonitor). */
export function monitorEndpoints(monitor: K8sObject): MonitorEndpoint[] {
  const field = monitor.kind === 'PodMonitor' ? 'podMetricsEndpoints' : 'endpoints';
  const list = isPlainObject(monitor.body.spec) ? monitor.body.spec[field] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e, i) => {
    if (!isPlainObject(e)) return [];
    const targetPort = typeof e.targetPort === 'number' || typeof e.targetPort === 'string' ? e.targetPort : undefined;
    return [{ port: typeof e.port === 'string' ? e.port : undefined, targetPort, path: `spec.${field}[${i}]` }];
  });
}

/**
 * The selectors of a Prometheus (or PrometheusAgent) for the objects it loads: ServiceMonitors,
 * PodMonitors, Probes, PrometheusRules. A missing selector selects none; a missing namespace
 * selector means the Prometheus's own namespace; an empty one, every namespace.
 */
export const PROMETHEUS_SELECTORS = [
  { kind: 'ServiceMonitor', selector: 'serviceMonitorSelector', namespaceSelector: 'serviceMonitorNamespaceSelector' },
  { kind: 'PodMonitor', selector: 'podMonitorSelector', namespaceSelector: 'podMonitorNamespaceSelector' },
  { kind: 'Probe', selector: 'probeSelector', namespaceSelector: 'probeNamespaceSelector' },
  { kind: 'PrometheusRule', selector: 'ruleSelector', namespaceSelector: 'ruleNamespaceSelector' },
] as const;

/** The objects of a kind a Prometheus selects, with the field that selects them. */
export function prometheusSelects(prometheus: K8sObject, objects: ObjectSet): Array<{ object: K8sObject; path: string }> {
  const spec = prometheus.body.spec;
  if (!isPlainObject(spec) || prometheus.namespace === null) return [];
  const out: Array<{ object: K8sObject; path: string }> = [];
  for (const entry of PROMETHEUS_SELECTORS) {
    const selector = selectorFromLabelSelector(spec[entry.selector]);
    if (!selector) continue;
    const nsSelector = selectorFromLabelSelector(spec[entry.namespaceSelector]);
    for (const obj of objects.ofKind(entry.kind)) {
      if (!isMonitoring(obj) || obj.namespace === null || !selectorMatches(selector, obj.labels)) continue;
      const inNamespace = nsSelector ? selectorMatches(nsSelector, namespaceLabels(objects, obj.namespace)) : obj.namespace === prometheus.namespace;
      if (inNamespace) out.push({ object: obj, path: `spec.${entry.selector}` });
    }
  }
  return out;
}

/** The Pod nodes (real and implied) a PodMonitor selects. */
export function monitoredPods(graph: KnitGraph, monitor: K8sObject): ReturnType<KnitGraph['podsMatching']> {
  const target = monitorTarget(monitor);
  if (!target) return [];
  const namespaces = target.scope.any ? graph.podNamespaces() : target.scope.names;
  return namespaces.flatMap((ns) => graph.podsMatching(ns, target.selector));
}

/**
 * Prometheus operator: ServiceMonitor → the Services it selects, PodMonitor → the Pods it selects,
 * Prometheus/PrometheusAgent → the ServiceMonitors, PodMonitors, Probes and PrometheusRules it loads (`selects`).
 */
export const prometheusEdges: EdgeBuilder = (graph, objects) => {
  for (const monitor of serviceMonitorsOf(objects)) {
    for (const svc of monitoredServices(monitor, objects)) graph.addEdge({ from: monitor.id, to: svc.id, type: 'selects', path: 'spec.selector' });
  }
  for (const monitor of podMonitorsOf(objects)) {
    for (const pod of monitoredPods(graph, monitor)) graph.addEdge({ from: monitor.id, to: pod.nodeId, type: 'selects', path: 'spec.selector' });
  }
  for (const prometheus of objects.ofKind('Prometheus', 'PrometheusAgent')) {
    if (!isMonitoring(prometheus)) continue;
    for (const { object, path } of prometheusSelects(prometheus, objects)) graph.addEdge({ from: prometheus.id, to: object.id, type: 'selects', path });
  }
};
