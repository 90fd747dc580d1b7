/** The volumes of a Pod template and where containers mount them. */
import { isPlainObject } from './guards.js';
import type { JsonObject } from '../types.js';
import { containersOf, type ContainerRef, type PodTemplate } from './workloads.js';

export interface PodVolume {
  volume: JsonObject;
  name: string;
  index: number;
  /** Field path of the volume, e.g. `spec.template.spec.volumes[2]`. */
  path: string;
}

export function podVolumes(template: PodTemplate): PodVolume[] {
  const volumes = template.spec.volumes;
  if (!Array.isArray(volumes)) return [];
  const out: PodVolume[] = [];
  volumes.forEach((volume, index) => {
    if (isPlainObject(volume) && typeof volume.name === 'string') out.push({ volume, name: volume.name, index, path: `${template.specPath}.volumes[${index}]` });
  });
  return out;
}

/** The claim a volume uses (`persistentVolumeClaim.claimName`), if it is a claim volume. */
export function claimNameOf(volume: JsonObject): string | undefined {
  const source = volume.persistentVolumeClaim;
  return isPlainObject(source) && typeof source.claimName === 'string' ? source.claimName : undefined;
}

export interface VolumeMount {
  container: ContainerRef;
  mount: JsonObject;
  field: 'volumeMounts' | 'volumeDevices';
  index: number;
  path: string;
}

/** Every volumeMount and volumeDevice of every container (init and ephemeral included). */
export function volumeMounts(template: PodTemplate): VolumeMount[] {
  const out: VolumeMount[] = [];
  for (const container of containersOf(template)) {
    for (const field of ['volumeMounts', 'volumeDevices'] as const) {
      const mounts = container.container[field];
      if (!Array.isArray(mounts)) continue;
      mounts.forEach((mount, index) => {
        if (isPlainObject(mount)) out.push({ container, mount, field, index, path: `${container.path}.${field}[${index}]` });
      });
    }
  }
  return out;
}

/** `/etc//ssl/` → `/etc/ssl`: empty and `.` segments dropped and `..` resolved, as the node would. */
export function normalizeHostPath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}
