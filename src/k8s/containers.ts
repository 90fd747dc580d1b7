/**
 * What rules ask about the containers of workloads: which run alongside the app, what security
 * settings apply once the Pod's defaults are merged in, and how to name a container in a message.
 */
import { isPlainObject } from './guards.js';
import type { JsonObject, JsonValue, K8sObject } from '../types.js';
import { containersOf, podTemplateOf, type ContainerRef, type PodTemplate } from './workloads.js';

export interface WorkloadContainer extends ContainerRef {
  object: K8sObject;
  template: PodTemplate;
}

/**
 * Every container of every object that runs Pods (Pods, Deployments, CronJobs…), or those of the
 * lists given; in the Pod spec's order either way (init containers, containers, ephemeral containers).
 */
export function* workloadContainers(objects: Iterable<K8sObject>, lists?: readonly ContainerRef['list'][]): Generator<WorkloadContainer> {
  for (const object of objects) {
    const template = podTemplateOf(object);
    if (!template) continue;
    for (const ref of allWorkloadContainers(template)) if (!lists || lists.includes(ref.list)) yield ref;
  }
}

/** Most rules ask for every container: that list is made once per template (podTemplateOf keeps one per object). */
const workloadContainerLists = new WeakMap<PodTemplate, readonly WorkloadContainer[]>();

function allWorkloadContainers(template: PodTemplate): readonly WorkloadContainer[] {
  let list = workloadContainerLists.get(template);
  if (!list) workloadContainerLists.set(template, (list = containersOf(template).map((ref) => ({ ...ref, object: template.owner, template }))));
  return list;
}

/**
 * Whether a container runs for the Pod's whole life: a regular container, or a sidecar (an init
 * container with `restartPolicy: Always`). Plain init containers run to completion first.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
export function isLongRunning(ref: ContainerRef): boolean {
  return ref.list === 'containers' || (ref.list === 'initContainers' && ref.container.restartPolicy === 'Always');
}

/** `container "app"`, `init container "setup"` — how messages name a container. */
export function describeContainer(ref: ContainerRef): string {
  const what = ref.list === 'initContainers' ? 'init container' : ref.list === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return `${what} "${containerName(ref)}"`;
}

/** The container's name for messages; `#2` (its index) when the name is missing or not a string. */
export function containerName(ref: ContainerRef): string {
  return typeof ref.container.name === 'string' ? ref.container.name : `#${ref.index}`;
}

/** Whether the Pod declares it runs on Windows, where Linux-only security fields do not apply. */
export function isWindowsPod(template: PodTemplate): boolean {
  return isPlainObject(template.spec.os) && template.spec.os.name === 'windows';
}

/** A setting and the field path it was read from. */
export interface Setting<T> {
  value: T;
  path: string;
}

/** The container's `securityContext` (empty when absent) and its path. */
export function containerSecurityContext(ref: ContainerRef): { context: JsonObject; path: string } {
  const context = ref.container.securityContext;
  return { context: isPlainObject(context) ? context : {}, path: `${ref.path}.securityContext` };
}

/** The Pod's `securityContext` (empty when absent) and its path. */
export function podSecurityContext(template: PodTemplate): { context: JsonObject; path: string } {
  const context = template.spec.securityContext;
  return { context: isPlainObject(context) ? context : {}, path: `${template.specPath}.securityContext` };
}

/** Fields set both in the PodSecurityContext and a container's SecurityContext; the container's wins. */
export type SharedSecurityField = 'runAsUser' | 'runAsGroup' | 'runAsNonRoot' | 'seLinuxOptions' | 'seccompProfile' | 'appArmorProfile' | 'windowsOptions';

/** The value a container runs with for a field the Pod can default, and where it was set. */
export function effectiveSecurityField(template: PodTemplate, ref: ContainerRef, field: SharedSecurityField): Setting<JsonValue> | undefined {
  for (const { context, path } of [containerSecurityContext(ref), podSecurityContext(template)]) {
    const value = context[field];
    if (value !== undefined && value !== null) return { value, path: `${path}.${field}` };
  }
  return undefined;
}

/** Linux capabilities a container adds (`add`) or drops (`drop`), upper-cased without `CAP_`, with paths. */
export function capabilities(ref: ContainerRef, which: 'add' | 'drop'): Array<Setting<string>> {
  const { context, path } = containerSecurityContext(ref);
  const caps = context.capabilities;
  if (!isPlainObject(caps) || !Array.isArray(caps[which])) return [];
  const out: Array<Setting<string>> = [];
  caps[which].forEach((cap, i) => {
    if (typeof cap === 'string') out.push({ value: normalizeCapability(cap), path: `${path}.capabilities.${which}[${i}]` });
  });
  return out;
}

/** `cap_net_raw` and `CAP_NET_RAW` → `NET_RAW`, so differently spelled names compare equal. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

/** A sysctl the Pod sets (`spec.securityContext.sysctls`), its name with dots (`net/ipv4/x` → `net.ipv4.x`). */
export interface PodSysctl {
  name: string;
  written: string;
  value: JsonValue | undefined;
  path: string;
}

export function podSysctls(template: PodTemplate): PodSysctl[] {
  const { context, path } = podSecurityContext(template);
  if (!Array.isArray(context.sysctls)) return [];
  const out: PodSysctl[] = [];
  context.sysctls.forEach((sysctl, i) => {
    if (isPlainObject(sysctl) && typeof sysctl.name === 'string') {
      out.push({ name: sysctl.name.trim().replace(/\//g, '.'), written: sysctl.name, value: sysctl.value, path: `${path}.sysctls[${i}]` });
    }
  });
  return out;
}
