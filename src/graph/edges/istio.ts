import type { ObjectSet } from '../../load/object-set.js';
import { isPlainObject } from '../../k8s/guards.js';
import type { K8sObject } from '../../types.js';
import type { KnitGraph } from '../graph.js';
import { selectorFromMap, type LabelSelector } from '../../k8s/selector.js';
import type { EdgeBuilder } from './types.js';

/** Istio's traffic management group (https://istio.io/latest/docs/reference/config/networking/). */
export const ISTIO_NETWORKING_GROUP = 'networking.istio.io';

/** A host an Istio rule names, with the field that names it. */
export interface IstioHost {
  host: string;
  path: string;
  /** Destinations only: the subset and its field. */
  subset?: string;
  subsetPath?: string;
}

/** A cluster Service a host stands for. */
export interface ServiceName {
  name: string;
  namespace: string;
}

export function isIstio(obj: K8sObject): boolean {
  return obj.group === ISTIO_NETWORKING_GROUP;
}

export function istioObjects(objects: ObjectSet, kind: 'VirtualService' | 'DestinationRule' | 'Gateway' | 'ServiceEntry'): K8sObject[] {
  return objects.ofKind(kind).filter(isIstio);
}

/**
 * The Service a host names, as Istio reads it: a short name in the rule's namespace, `name.ns`
 * when the input has namespace `ns`, and `name.ns.svc[.<cluster domain>]`. Wildcards and other
 * names (external hosts, ServiceEntries) stand for no Service.
 */
export function serviceOfHost(host: string, namespace: string, knownNamespaces: ReadonlySet<string>): ServiceName | undefined {
  if (!host || host.includes('*') || host.includes('/')) return undefined;
  const parts = host.split('.');
  if (parts.length === 1) return { name: host, namespace };
  if (parts.length === 2) return knownNamespaces.has(parts[1]) ? { name: parts[0], namespace: parts[1] } : undefined;
  if (parts[2] === 'svc' && parts.every((p) => p.length > 0)) return { name: parts[0], namespace: parts[1] };
  return undefined;
}

/** The namespaces the input has objects in (for `name.ns` hosts). */
export function inputNamespaces(objects: ObjectSet): Set<string> {
  const out = new Set<string>();
  for (const obj of objects) if (obj.namespace !== null) out.add(obj.namespace);
  for (const ns of objects.ofKind('Namespace')) out.add(ns.name);
  return out;
}

/** Hosts that ServiceEntries of the input declare (they are not Services). */
export function serviceEntryHosts(objects: ObjectSet): Set<string> {
  const out = new Set<string>();
  for (const entry of istioObjects(objects, 'ServiceEntry')) {
    const hosts = isPlainObject(entry.body.spec) ? entry.body.spec.hosts : undefined;
    if (Array.isArray(hosts)) for (const h of hosts) if (typeof h === 'string') out.add(h);
  }
  return out;
}

/** A VirtualService's `spec.hosts`. */
export function virtualServiceHosts(vs: K8sObject): IstioHost[] {
  const hosts = isPlainObject(vs.body.spec) ? vs.body.spec.hosts : undefined;
  if (!Array.isArray(hosts)) return [];
  return hosts.flatMap((host, i) => (typeof host === 'string' ? [{ host, path: `spec.hosts[${i}]` }] : []));
}

/** Every destination of a VirtualService: `http`/`tcp`/`tls` routes' `destination` and HTTP `mirror`/`mirrors`. */
export function virtualServiceDestinations(vs: K8sObject): IstioHost[] {
  const spec = vs.body.spec;
  if (!isPlainObject(spec)) return [];
  const out: IstioHost[] = [];
  const add = (destination: unknown, path: string) => {
    if (!isPlainObject(destination) || typeof destination.host !== 'string') return;
    const subset = typeof destination.subset === 'string' ? destination.subset : undefined;
    out.push({ host: destination.host, path: `${path}.host`, subset, subsetPath: subset === undefined ? undefined : `${path}.subset` });
  };
  for (const protocol of ['http', 'tcp', 'tls']) {
    const routes = spec[protocol];
    if (!Array.isArray(routes)) continue;
    routes.forEach((route, r) => {
      if (!isPlainObject(route)) return;
      if (Array.isArray(route.route)) route.route.forEach((d, i) => add(isPlainObject(d) ? d.destination : undefined, `spec.${protocol}[${r}].route[${i}].destination`));
      if (protocol !== 'http') return;
      add(route.mirror, `spec.http[${r}].mirror`);
      if (Array.isArray(route.mirrors)) route.mirrors.forEach((m, i) => add(isPlainObject(m) ? m.destination : undefined, `spec.http[${r}].mirrors[${i}].destination`));
    });
  }
  return out;
}

/** A VirtualService's `spec.gateways` (`mesh` is the sidecars, not a Gateway) as namespace and name. */
export function virtualServiceGateways(vs: K8sObject): Array<{ namespace: string; name: string; path: string }> {
  const gateways = isPlainObject(vs.body.spec) ? vs.body.spec.gateways : undefined;
  if (!Array.isArray(gateways) || vs.namespace === null) return [];
  const out: Array<{ namespace: string; name: string; path: string }> = [];
  gateways.forEach((gw, i) => {
    if (typeof gw !== 'string' || gw === 'mesh' || !gw) return;
    const slash = gw.indexOf('/');
    // `name.namespace.svc.cluster.local` is the old way to name a Gateway in another namespace.
    const [name, namespace] = slash >= 0 ? [gw.slice(slash + 1), gw.slice(0, slash)] : gw.includes('.') ? [gw.split('.')[0], gw.split('.')[1]] : [gw, vs.namespace as string];
    if (name && namespace) out.push({ namespace, name, path: `spec.gateways[${i}]` });
  });
  return out;
}

/** A DestinationRule's subsets: name, labels (as a selector) and field. */
export function destinationRuleSubsets(dr: K8sObject): Array<{ name: string; selector: LabelSelector; path: string }> {
  const subsets = isPlainObject(dr.body.spec) ? dr.body.spec.subsets : undefined;
  if (!Array.isArray(subsets)) return [];
  return subsets.flatMap((s, i) => {
    if (!isPlainObject(s) || typeof s.name !== 'string') return [];
    return [{ name: s.name, selector: selectorFromMap(s.labels) ?? { matchLabels: {}, matchExpressions: [] }, path: `spec.subsets[${i}]` }];
  });
}

export function destinationRuleHost(dr: K8sObject): string | undefined {
  const host = isPlainObject(dr.body.spec) ? dr.body.spec.host : undefined;
  return typeof host === 'string' ? host : undefined;
}

/** The Pod nodes behind a Service whose labels also match a subset's (the subset's endpoints). */
export function subsetPods(graph: KnitGraph, service: K8sObject, subset: LabelSelector): ReturnType<KnitGraph['podsMatching']> {
  const spec = service.body.spec;
  const own = isPlainObject(spec) ? selectorFromMap(spec.selector) : undefined;
  if (!own || !Object.keys(own.matchLabels).length || service.namespace === null) return [];
  // A subset label that contradicts the Service's selector leaves no Pod in both.
  if (Object.entries(own.matchLabels).some(([k, v]) => subset.matchLabels[k] !== undefined && subset.matchLabels[k] !== v)) return [];
  return graph.podsMatching(service.namespace, { matchLabels: { ...own.matchLabels, ...subset.matchLabels }, matchExpressions: [] });
}

/**
 * Istio: VirtualService → the Services its hosts name (`references`) and its destinations route
 * to (`routes`), and the Gateways it binds to (`references`); DestinationRule → its host Service
 * (`references`) and each subset's Pods (`selects`); Gateway → the gateway Pods its selector picks (`selects`).
 */
export const istioEdges: EdgeBuilder = (graph, objects) => {
  const namespaces = inputNamespaces(objects);
  const serviceNode = (host: string, ns: string) => {
    const svc = serviceOfHost(host, ns, namespaces);
    return svc ? graph.referenceNode('v1', 'Service', svc.namespace, svc.name) : undefined;
  };
  for (const vs of istioObjects(objects, 'VirtualService')) {
    if (vs.namespace === null) continue;
    for (const h of virtualServiceHosts(vs)) {
      // A host is often an outside name; it is a Service only when the input has one.
      const svc = serviceOfHost(h.host, vs.namespace, namespaces);
      const found = svc && objects.find('Service', svc.namespace, svc.name);
      if (found) graph.addEdge({ from: vs.id, to: found.id, type: 'references', path: h.path });
    }
    for (const d of virtualServiceDestinations(vs)) {
      const node = serviceNode(d.host, vs.namespace);
      if (node) graph.addEdge({ from: vs.id, to: node.id, type: 'routes', path: d.path.slice(0, -'.host'.length) });
    }
    for (const gw of virtualServiceGateways(vs)) {
      graph.addEdge({ from: vs.id, to: graph.referenceNode(`${ISTIO_NETWORKING_GROUP}/v1`, 'Gateway', gw.namespace, gw.name).id, type: 'references', path: gw.path });
    }
  }
  for (const dr of istioObjects(objects, 'DestinationRule')) {
    const host = destinationRuleHost(dr);
    if (host === undefined || dr.namespace === null) continue;
    const node = serviceNode(host, dr.namespace);
    if (!node) continue;
    graph.addEdge({ from: dr.id, to: node.id, type: 'references', path: 'spec.host' });
    if (!node.object) continue;
    for (const subset of destinationRuleSubsets(dr)) {
      for (const pod of subsetPods(graph, node.object, subset.selector)) graph.addEdge({ from: dr.id, to: pod.nodeId, type: 'selects', path: `${subset.path}.labels` });
    }
  }
  const podNamespaces = graph.podNamespaces();
  for (const gateway of istioObjects(objects, 'Gateway')) {
    const selector = isPlainObject(gateway.body.spec) ? selectorFromMap(gateway.body.spec.selector) : undefined;
    if (!selector || !Object.keys(selector.matchLabels).length) continue;
    // Istio applies a Gateway to matching gateway Pods of every namespace (unless told to scope it).
    for (const ns of podNamespaces) for (const pod of graph.podsMatching(ns, selector)) graph.addEdge({ from: gateway.id, to: pod.nodeId, type: 'selects', path: 'spec.selector' });
  }
};
