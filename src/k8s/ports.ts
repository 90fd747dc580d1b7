/** Container ports as Services, probes and the scheduler see them. */
import { isPlainObject } from './guards.js';
import type { JsonObject } from '../types.js';
import { oncePerTemplate } from './template-memo.js';
import { containersOf, type ContainerRef, type PodTemplate } from './workloads.js';

export interface DeclaredPort {
  container: ContainerRef;
  /** Index in the container's `ports`. */
  index: number;
  /** Field path of the port entry. */
  path: string;
  port: JsonObject;
  containerPort?: number;
  name?: string;
  protocol: string;
  hostPort?: number;
  hostIP?: string;
}

/**
 * Containers that run alongside each other for the Pod's life: regular containers and sidecars
 * (init containers with `restartPolicy: Always`). Plain init containers finish before them.
 */
export function runningContainers(template: PodTemplate): ContainerRef[] {
  return containersOf(template, ['initContainers', 'containers']).filter((c) => c.list === 'containers' || c.container.restartPolicy === 'Always');
}

/** The ports a container declares. */
export function portsOf(ref: ContainerRef): DeclaredPort[] {
  const ports = ref.container.ports;
  if (!Array.isArray(ports)) return [];
  const out: DeclaredPort[] = [];
  ports.forEach((port, index) => {
    if (!isPlainObject(port)) return;
    out.push({
      container: ref, index, path: `${ref.path}.ports[${index}]`, port,
      // A float, NaN or infinity is no port (schema-violation reports it); it must not reach messages.
      containerPort: Number.isInteger(port.containerPort) ? (port.containerPort as number) : undefined,
      name: typeof port.name === 'string' ? port.name : undefined,
      protocol: protocolOf(port),
      hostPort: Number.isInteger(port.hostPort) && (port.hostPort as number) > 0 ? (port.hostPort as number) : undefined,
      hostIP: typeof port.hostIP === 'string' ? port.hostIP : undefined,
    });
  });
  return out;
}

/** The ports every running container of a Pod template declares. */
export const declaredPorts: (template: PodTemplate) => readonly DeclaredPort[] = oncePerTemplate((template) => runningContainers(template).flatMap(portsOf));

/** TCP unless the entry says otherwise (the API default for container and Service ports). */
export function protocolOf(port: JsonObject): string {
  return typeof port.protocol === 'string' ? port.protocol : 'TCP';
}

/**
 * Why a string cannot be a port name (an IANA service name, as the API server checks it), or
 * undefined when it can. https://www.rfc-editor.org/rfc/rfc6335#section-5.1
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 15) return `it is ${name.length} characters long; a port name has at most 15`;
  if (!/^[a-z0-9-]+$/.test(name)) return 'a port name may hold only lowercase letters, digits and "-"';
  if (!/[a-z]/.test(name)) return 'a port name must contain at least one letter (a-z)';
  if (name.startsWith('-') || name.endsWith('-')) return 'a port name may not begin or end with "-"';
  if (name.includes('--')) return 'a port name may not contain "--"';
  return undefined;
}

export function isPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}
