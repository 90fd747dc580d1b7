import { isPlainObject } from './guards.js';
import type { K8sObject } from '../types.js';

/** One entry of a Service's `spec.ports`. */
export interface ServicePort {
  port?: number;
  name?: string;
  /** The Pods' port: a number, or the name of a container port. */
  targetPort?: number | string;
}

/** A Service's ports; undefined for an ExternalName Service (it has no ports to check). */
export function servicePorts(svc: K8sObject): ServicePort[] | undefined {
  const spec = svc.body.spec;
  if (!isPlainObject(spec)) return [];
  if (spec.type === 'ExternalName') return undefined;
  if (!Array.isArray(spec.ports)) return [];
  return spec.ports.filter(isPlainObject).map((p) => ({
    port: typeof p.port === 'number' ? p.port : typeof p.port === 'string' && /^\d+$/.test(p.port) ? Number(p.port) : undefined,
    name: typeof p.name === 'string' ? p.name : undefined,
    targetPort: typeof p.targetPort === 'number' || typeof p.targetPort === 'string' ? p.targetPort : undefined,
  }));
}

/** `80 (http), 443` — a Service's ports for messages. */
export function describeServicePorts(ports: readonly ServicePort[]): string {
  if (!ports.length) return 'none';
  return ports.map((p) => (p.name ? `${p.port ?? '?'} (${p.name})` : String(p.port ?? '?'))).join(', ');
}
