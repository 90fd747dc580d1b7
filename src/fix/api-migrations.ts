import { isPlainObject } from '../k8s/guards.js';
import type { JsonObject, JsonValue, K8sObject } from '../types.js';
import type { Fix, FixEdit } from './types.js';

/**
 * Moving an object to the apiVersion that replaced a removed one: the apiVersion, and the fields
 * whose shape changed between the versions (https://kubernetes.io/docs/reference/using-api/deprecation-guide/).
 * Undefined when kubeknit cannot rewrite the object with certainty.
 */
export function apiMigrationFix(obj: K8sObject, to: string): Fix | undefined {
  const reshape = RESHAPES[`${obj.kind} ${to}`];
  const edits: FixEdit[] = [{ op: 'set', path: 'apiVersion', value: to }];
  if (reshape) edits.push(...reshape(obj));
  return { type: 'problem', description: `Move ${obj.kind} "${obj.name}" to apiVersion ${to}`, edits };
}

type Reshape = (obj: K8sObject) => FixEdit[];

const RESHAPES: Record<string, Reshape> = Object.assign(Object.create(null) as Record<string, Reshape>, {
  'Ingress networking.k8s.io/v1': ingressToV1,
  'HorizontalPodAutoscaler autoscaling/v2': (obj: K8sObject) => (obj.apiVersion === 'autoscaling/v2beta1' ? hpaMetricsToV2(obj) : []),
  'Deployment apps/v1': selectorFromTemplate,
  'DaemonSet apps/v1': selectorFromTemplate,
  'ReplicaSet apps/v1': selectorFromTemplate,
});

/** v1beta1 backends name `serviceName`/`servicePort`; v1 nests them under `service`, and every path needs a `pathType`. */
function ingressToV1(obj: K8sObject): FixEdit[] {
  const edits: FixEdit[] = [];
  const spec = obj.body.spec;
  if (!isPlainObject(spec)) return edits;
  if (isPlainObject(spec.backend)) {
    edits.push({ op: 'rename', path: 'spec.backend', to: 'defaultBackend' });
    const backend = serviceBackend(spec.backend);
    if (backend) edits.push({ op: 'set', path: 'spec.backend', value: backend });
  }
  if (!Array.isArray(spec.rules)) return edits;
  spec.rules.forEach((rule, i) => {
    const paths = isPlainObject(rule) && isPlainObject(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    paths.forEach((entry, j) => {
      if (!isPlainObject(entry)) return;
      const at = `spec.rules[${i}].http.paths[${j}]`;
      const backend = isPlainObject(entry.backend) ? serviceBackend(entry.backend) : undefined;
      if (backend) edits.push({ op: 'set', path: `${at}.backend`, value: backend });
      if (entry.pathType === undefined) edits.push({ op: 'set', path: `${at}.pathType`, value: 'ImplementationSpecific' });
    });
  });
  return edits;
}

function serviceBackend(backend: JsonObject): JsonObject | undefined {
  if (typeof backend.serviceName !== 'string') return undefined;
  const port = backend.servicePort;
  const portRef: JsonObject | undefined = typeof port === 'number' ? { number: port } : typeof port === 'string' ? (/^\d+$/.test(port) ? { number: Number(port) } : { name: port }) : undefined;
  return { service: portRef ? { name: backend.serviceName, port: portRef } : { name: backend.serviceName } };
}

/** v2beta1 metric targets (`targetAverageUtilization`, `targetAverageValue`, `targetValue`) became one `target` object. */
function hpaMetricsToV2(obj: K8sObject): FixEdit[] {
  const spec = obj.body.spec;
  if (!isPlainObject(spec) || !Array.isArray(spec.metrics)) return [];
  const edits: FixEdit[] = [];
  spec.metrics.forEach((metric, i) => {
    if (!isPlainObject(metric) || typeof metric.type !== 'string') return;
    const source = metric[lowerFirst(metric.type)];
    if (!isPlainObject(source)) return;
    const reshaped = metricSourceToV2(metric.type, source);
    if (reshaped) edits.push({ op: 'set', path: `spec.metrics[${i}].${lowerFirst(metric.type)}`, value: reshaped });
  });
  return edits;
}

function metricSourceToV2(type: string, source: JsonObject): JsonObject | undefined {
  const target = metricTarget(source);
  if (!target) return undefined;
  switch (type) {
    case 'Resource':
    case 'ContainerResource': {
      const out: JsonObject = { name: source.name ?? null };
      if (source.container !== undefined) out.container = source.container;
      return { ...out, target };
    }
    case 'Pods':
      return { metric: metricId(source), target };
    case 'Object':
      return isPlainObject(source.target) ? { describedObject: source.target, metric: metricId(source), target } : undefined;
    case 'External':
      return { metric: metricId(source, 'metricSelector'), target };
    default:
      return undefined;
  }
}

function metricTarget(source: JsonObject): JsonObject | undefined {
  if (source.targetAverageUtilization !== undefined) return { type: 'Utilization', averageUtilization: source.targetAverageUtilization };
  if (source.targetAverageValue !== undefined) return { type: 'AverageValue', averageValue: source.targetAverageValue };
  if (source.targetValue !== undefined) return { type: 'Value', value: source.targetValue };
  return undefined;
}

function metricId(source: JsonObject, selectorField = 'selector'): JsonObject {
  const metric: JsonObject = { name: source.metricName ?? null };
  const selector: JsonValue | undefined = source[selectorField];
  if (selector !== undefined) metric.selector = selector;
  return metric;
}

/** Older workload APIs defaulted `spec.selector` to the template's labels; apps/v1 requires it. */
function selectorFromTemplate(obj: K8sObject): FixEdit[] {
  const spec = obj.body.spec;
  if (!isPlainObject(spec) || spec.selector !== undefined) return [];
  const template = isPlainObject(spec.template) && isPlainObject(spec.template.metadata) ? spec.template.metadata : undefined;
  if (!template || !isPlainObject(template.labels) || Object.keys(template.labels).length === 0) return [];
  return [{ op: 'set', path: 'spec.selector', value: { matchLabels: template.labels } }];
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
