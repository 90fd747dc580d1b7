import type { ObjectSet } from '../../load/object-set.js';
import { isPlainObject } from '../../k8s/guards.js';
import type { JsonObject, K8sObject } from '../../types.js';
import { selectorFromLabelSelector, selectorMatches } from '../../k8s/selector.js';
import type { EdgeBuilder } from './types.js';

/** The Gateway API's group (https://gateway-api.sigs.k8s.io/reference/spec/). */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

/** A Gateway API object reference (parentRef, backendRef, certificateRef) with its defaults applied. */
export interface GatewayApiRef {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /** The namespace was given explicitly and differs from the referring object's. */
  crossNamespace: boolean;
  /** Field path of the reference entry, and of its name. */
  path: string;
  namePath: string;
  port?: number;
  sectionName?: string;
}

export interface GatewayListener {
  name: string;
  port?: number;
  path: string;
  /** `allowedRoutes.namespaces.from`: Same (default), All or Selector. */
  from: string;
  selector?: JsonObject;
}

/** Whether an object is one of the Gateway API's (and not, say, an Istio Gateway). */
export function isGatewayApi(obj: K8sObject): boolean {
  return obj.group === GATEWAY_API_GROUP;
}

/** The Gateway API routes of the input. */
export function gatewayRoutes(objects: ObjectSet): K8sObject[] {
  return objects.ofKind(...ROUTE_KINDS).filter(isGatewayApi);
}

export function gatewaysOf(objects: ObjectSet): K8sObject[] {
  return objects.ofKind('Gateway').filter(isGatewayApi);
}

function readRef(owner: K8sObject, value: unknown, path: string, defaults: { group: string; kind: string }): GatewayApiRef | undefined {
  if (!isPlainObject(value) || typeof value.name !== 'string' || !value.name || owner.namespace === null) return undefined;
  const namespace = typeof value.namespace === 'string' && value.namespace ? value.namespace : owner.namespace;
  return {
    group: typeof value.group === 'string' ? value.group : defaults.group,
    kind: typeof value.kind === 'string' ? value.kind : defaults.kind,
    namespace, name: value.name, crossNamespace: namespace !== owner.namespace, path, namePath: `${path}.name`,
    port: typeof value.port === 'number' ? value.port : undefined,
    sectionName: typeof value.sectionName === 'string' ? value.sectionName : undefined,
  };
}

/** A route's `spec.parentRefs` (Gateways by default; Services for mesh routes). */
export function routeParentRefs(route: K8sObject): GatewayApiRef[] {
  const refs = isPlainObject(route.body.spec) ? route.body.spec.parentRefs : undefined;
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((ref, i) => readRef(route, ref, `spec.parentRefs[${i}]`, { group: GATEWAY_API_GROUP, kind: 'Gateway' }) ?? []);
}

/** A route's backends: each rule's `backendRefs` and HTTPRoute `requestMirror` filters' `backendRef`. */
export function routeBackendRefs(route: K8sObject): GatewayApiRef[] {
  const rules = isPlainObject(route.body.spec) ? route.body.spec.rules : undefined;
  if (!Array.isArray(rules)) return [];
  const out: GatewayApiRef[] = [];
  const service = { group: '', kind: 'Service' };
  rules.forEach((rule, r) => {
    if (!isPlainObject(rule)) return;
    if (Array.isArray(rule.backendRefs)) {
      rule.backendRefs.forEach((ref, b) => {
        const read = readRef(route, ref, `spec.rules[${r}].backendRefs[${b}]`, service);
        if (read) out.push(read);
      });
    }
    if (Array.isArray(rule.filters)) {
      rule.filters.forEach((filter, f) => {
        const mirror = isPlainObject(filter) && isPlainObject(filter.requestMirror) ? filter.requestMirror.backendRef : undefined;
        const read = readRef(route, mirror, `spec.rules[${r}].filters[${f}].requestMirror.backendRef`, service);
        if (read) out.push(read);
      });
    }
  });
  return out;
}

/** A Gateway's listeners. */
export function gatewayListeners(gateway: K8sObject): GatewayListener[] {
  const listeners = isPlainObject(gateway.body.spec) ? gateway.body.spec.listeners : undefined;
  if (!Array.isArray(listeners)) return [];
  const out: GatewayListener[] = [];
  listeners.forEach((listener, i) => {
    if (!isPlainObject(listener) || typeof listener.name !== 'string') return;
    const namespaces = isPlainObject(listener.allowedRoutes) && isPlainObject(listener.allowedRoutes.namespaces) ? listener.allowedRoutes.namespaces : {};
    out.push({
      name: listener.name, port: typeof listener.port === 'number' ? listener.port : undefined, path: `spec.listeners[${i}]`,
      from: typeof namespaces.from === 'string' ? namespaces.from : 'Same',
      selector: isPlainObject(namespaces.selector) ? namespaces.selector : undefined,
    });
  });
  return out;
}

/** The TLS certificates a Gateway's listeners name (`tls.certificateRefs`, Secrets by default). */
export function gatewayCertificateRefs(gateway: K8sObject): GatewayApiRef[] {
  const listeners = isPlainObject(gateway.body.spec) ? gateway.body.spec.listeners : undefined;
  if (!Array.isArray(listeners)) return [];
  const out: GatewayApiRef[] = [];
  listeners.forEach((listener, i) => {
    const refs = isPlainObject(listener) && isPlainObject(listener.tls) ? listener.tls.certificateRefs : undefined;
    if (!Array.isArray(refs)) return;
    refs.forEach((ref, c) => {
      const read = readRef(gateway, ref, `spec.listeners[${i}].tls.certificateRefs[${c}]`, { group: '', kind: 'Secret' });
      if (read) out.push(read);
    });
  });
  return out;
}

/** Whether a listener lets routes of a namespace attach (`allowedRoutes.namespaces`). */
export function listenerAllowsNamespace(listener: GatewayListener, gateway: K8sObject, namespace: string, objects: ObjectSet): boolean {
  if (listener.from === 'All') return true;
  if (listener.from === 'Same') return namespace === gateway.namespace;
  if (listener.from !== 'Selector') return true; // a value the API does not know: not ours to judge
  const selector = selectorFromLabelSelector(listener.selector);
  if (!selector) return false;
  return selectorMatches(selector, { ...(objects.find('Namespace', null, namespace)?.labels ?? {}), 'kubernetes.io/metadata.name': namespace });
}

/**
 * Whether a ReferenceGrant in the target's namespace lets objects of `from` (group, kind, namespace)
 * refer to the target. https://gateway-api.sigs.k8s.io/api-types/referencegrant/
 */
export function referenceGrantAllows(objects: ObjectSet, from: { group: string; kind: string; namespace: string }, to: { group: string; kind: string; namespace: string; name: string }): boolean {
  return grantsFor(objects, from, to).length > 0;
}

/** The ReferenceGrants that allow a reference (empty when none does). */
export function grantsFor(objects: ObjectSet, from: { group: string; kind: string; namespace: string }, to: { group: string; kind: string; namespace: string; name: string }): K8sObject[] {
  return objects.ofKind('ReferenceGrant').filter((grant) => {
    const spec = grant.body.spec;
    if (grant.namespace !== to.namespace || !isPlainObject(spec) || !Array.isArray(spec.from) || !Array.isArray(spec.to)) return false;
    const fromOk = spec.from.some((f) => isPlainObject(f) && f.group === from.group && f.kind === from.kind && f.namespace === from.namespace);
    const toOk = spec.to.some((t) => isPlainObject(t) && (t.group ?? '') === to.group && t.kind === to.kind && (typeof t.name !== 'string' || t.name === '' || t.name === to.name));
    return fromOk && toOk;
  });
}

function refApiVersion(ref: GatewayApiRef): string {
  if (ref.group === '') return 'v1';
  return ref.group === GATEWAY_API_GROUP ? `${GATEWAY_API_GROUP}/v1` : ref.group;
}

/**
 * Gateway API: routes → their backends (`routes`) and parent Gateways (`references`); Gateway →
 * its GatewayClass and its listeners' certificate Secrets (`references`); ReferenceGrant → the
 * objects it names (`grants`).
 */
export const gatewayApiEdges: EdgeBuilder = (graph, objects) => {
  for (const route of gatewayRoutes(objects)) {
    for (const ref of routeBackendRefs(route)) {
      graph.addEdge({ from: route.id, to: graph.referenceNode(refApiVersion(ref), ref.kind, ref.namespace, ref.name).id, type: 'routes', path: ref.path });
    }
    for (const ref of routeParentRefs(route)) {
      graph.addEdge({ from: route.id, to: graph.referenceNode(refApiVersion(ref), ref.kind, ref.namespace, ref.name).id, type: 'references', path: ref.path });
    }
  }
  for (const gateway of gatewaysOf(objects)) {
    const spec = gateway.body.spec;
    if (isPlainObject(spec) && typeof spec.gatewayClassName === 'string' && spec.gatewayClassName) {
      graph.addEdge({ from: gateway.id, to: graph.referenceNode(`${GATEWAY_API_GROUP}/v1`, 'GatewayClass', null, spec.gatewayClassName).id, type: 'references', path: 'spec.gatewayClassName' });
    }
    for (const ref of gatewayCertificateRefs(gateway)) {
      graph.addEdge({ from: gateway.id, to: graph.referenceNode(refApiVersion(ref), ref.kind, ref.namespace, ref.name).id, type: 'references', path: ref.path });
    }
  }
  for (const grant of objects.ofKind('ReferenceGrant')) {
    const spec = grant.body.spec;
    if (!isPlainObject(spec) || !Array.isArray(spec.to) || grant.namespace === null) continue;
    spec.to.forEach((to, i) => {
      if (!isPlainObject(to) || typeof to.kind !== 'string' || typeof to.name !== 'string' || !to.name) return;
      const target = objects.find(to.kind, grant.namespace, to.name);
      if (target) graph.addEdge({ from: grant.id, to: target.id, type: 'grants', path: `spec.to[${i}]` });
    });
  }
};
