import { containersOf, type ContainerRef, type PodTemplate } from '../k8s/workloads.js';
import { describeContainer } from '../k8s/containers.js';
import { isPlainObject } from '../k8s/guards.js';
import type { JsonObject } from '../types.js';

export interface EnvVarRef {
  container: ContainerRef;
  env: JsonObject;
  name: string;
  /** Field path of the entry, e.g. `spec.template.spec.containers[0].env[3]`. */
  path: string;
  index: number;
}

/** Every named `env` entry of every container (init and ephemeral included) of a Pod template. */
export function envVarsOf(template: PodTemplate): EnvVarRef[] {
  const out: EnvVarRef[] = [];
  for (const container of containersOf(template)) {
    const env = container.container.env;
    if (!Array.isArray(env)) continue;
    env.forEach((entry, index) => {
      if (isPlainObject(entry) && typeof entry.name === 'string') out.push({ container, env: entry, name: entry.name, path: `${container.path}.env[${index}]`, index });
    });
  }
  return out;
}

/** How a message names a container: `container "web"` (or `init container "migrate"`). */
export function containerLabel(ref: ContainerRef): string {
  return describeContainer(ref);
}
