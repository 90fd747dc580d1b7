import { isPlainObject } from '../../k8s/guards.js';
import type { JsonObject, K8sObject } from '../../types.js';
import type { EdgeBuilder } from './types.js';

/** One backend of an Ingress: a Service and port, or a resource (e.g. a bucket of a CRD). */
export interface IngressBackend {
  /** Field path of the backend (`spec.rules[0].http.paths[1].backend`). */
  path: string;
  service?: {
    name: string;
    namePath: string;
    /** A port number or a port name; undefined when omitted. */
    port?: number | string;
    portPath: string;
  };
  resource?: { apiGroup: string; kind: string; name: string };
}

/** Every backend of an Ingress: the default backend and each rule path (networking.k8s.io/v1 and the older v1beta1 form). */
export function ingressBackends(ingress: K8sObject): IngressBackend[] {
  const spec = ingress.body.spec;
  if (!isPlainObject(spec)) return [];
  const out: IngressBackend[] = [];
  for (const field of ['defaultBackend', 'backend']) {
    if (isPlainObject(spec[field])) out.push(parseBackend(spec[field] as JsonObject, `spec.${field}`));
  }
  if (Array.isArray(spec.rules)) {
    spec.rules.forEach((rule, r) => {
      const paths = isPlainObject(rule) && isPlainObject(rule.http) ? rule.http.paths : undefined;
      if (!Array.isArray(paths)) return;
      paths.forEach((p, i) => {
        if (isPlainObject(p) && isPlainObject(p.backend)) out.push(parseBackend(p.backend, `spec.rules[${r}].http.paths[${i}].backend`));
      });
    });
  }
  return out;
}

function parseBackend(backend: JsonObject, path: string): IngressBackend {
  const service = backend.service;
  if (isPlainObject(service) && typeof service.name === 'string') {
    const port = isPlainObject(service.port) ? (typeof service.port.number === 'number' ? service.port.number : typeof service.port.name === 'string' ? service.port.name : undefined) : undefined;
    const portPath = isPlainObject(service.port) && service.port.number !== undefined ? `${path}.service.port.number` : `${path}.service.port.name`;
    return { path, service: { name: service.name, namePath: `${path}.service.name`, port, portPath: isPlainObject(service.port) ? portPath : `${path}.service` } };
  }
  if (typeof backend.serviceName === 'string') {
    const port = typeof backend.servicePort === 'number' || typeof backend.servicePort === 'string' ? backend.servicePort : undefined;
    return { path, service: { name: backend.serviceName, namePath: `${path}.serviceName`, port, portPath: `${path}.servicePort` } };
  }
  const resource = backend.resource;
  if (isPlainObject(resource) && typeof resource.kind === 'string' && typeof resource.name === 'string') {
    return { path, resource: { apiGroup: typeof resource.apiGroup === 'string' ? resource.apiGroup : '', kind: resource.kind, name: resource.name } };
  }
  return { path };
}

/** The TLS Secrets an Ingress names (`spec.tls[i].secretName`). */
export function ingressTlsSecrets(ingress: K8sObject): Array<{ name: string; path: string }> {
  const spec = ingress.body.spec;
  if (!isPlainObject(spec) || !Array.isArray(spec.tls)) return [];
  const out: Array<{ name: string; path: string }> = [];
  spec.tls.forEach((tls, i) => {
    if (isPlainObject(tls) && typeof tls.secretName === 'string' && tls.secretName) out.push({ name: tls.secretName, path: `spec.tls[${i}].secretName` });
  });
  return out;
}

/** Ingress → backend Services (and resources), its IngressClass and its TLS Secrets (`routes`). */
export const ingressEdges: EdgeBuilder = (graph, objects) => {
  for (const ingress of objects.ofKind('Ingress')) {
    const ns = ingress.namespace;
    if (ns === null) continue;
    for (const backend of ingressBackends(ingress)) {
      let target;
      if (backend.service) target = graph.referenceNode('v1', 'Service', ns, backend.service.name);
      else if (backend.resource) target = graph.referenceNode(backend.resource.apiGroup, backend.resource.kind, ns, backend.resource.name);
      if (target) graph.addEdge({ from: ingress.id, to: target.id, type: 'routes', path: backend.path });
    }
    const spec = ingress.body.spec;
    if (isPlainObject(spec) && typeof spec.ingressClassName === 'string' && spec.ingressClassName) {
      graph.addEdge({ from: ingress.id, to: graph.referenceNode('networking.k8s.io/v1', 'IngressClass', null, spec.ingressClassName).id, type: 'routes', path: 'spec.ingressClassName' });
    }
    for (const tls of ingressTlsSecrets(ingress)) {
      graph.addEdge({ from: ingress.id, to: graph.referenceNode('v1', 'Secret', ns, tls.name).id, type: 'routes', path: tls.path });
    }
  }
};
