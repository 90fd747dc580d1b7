import { containerName, containersOf, defineRule, isPlainObject, podTemplateOf, type K8sObject } from '../src/rule-api.js';

export default defineRule({
  id: 'volume-mount-missing-volume',
  family: 'volumes',
  severity: 'error',
  presets: ['recommended'],
  description: 'A volumeMount (or volumeDevice) names a volume the Pod does not define',
  docs: {
    why: 'The API server rejects a Pod whose containers mount a volume that is not in spec.volumes (for a StatefulSet, not in spec.volumes nor volumeClaimTemplates), so the workload never starts.',
    fix: 'Add the volume to the Pod spec, or correct the name in volumeMounts to one of the defined volumes.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    volumeMounts: [{name: data, mountPath: /data}]\n  volumes:\n  - {name: date, emptyDir: {}}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    volumeMounts: [{name: data, mountPath: /data}]\n  volumes:\n  - {name: data, emptyDir: {}}\n',
  },
  messages: {
    undefinedVolume: 'container "{{container}}" mounts volume "{{volume}}", which the Pod does not define (defined volumes: {{defined}})',
    noVolumes: 'container "{{container}}" mounts volume "{{volume}}", which the Pod does not define (the Pod defines no volumes)',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const defined = definedVolumes(obj, template.spec.volumes);
      for (const ref of containersOf(template)) {
        const { container, path } = ref;
        for (const field of ['volumeMounts', 'volumeDevices'] as const) {
          const mounts = container[field];
          if (!Array.isArray(mounts)) continue;
          mounts.forEach((mount, i) => {
            if (!isPlainObject(mount) || typeof mount.name !== 'string' || defined.has(mount.name)) return;
            const data = { container: containerName(ref), volume: mount.name };
            if (defined.size) report(obj, `${path}.${field}[${i}].name`, 'undefinedVolume', { ...data, defined: [...defined].join(', ') });
            else report(obj, `${path}.${field}[${i}].name`, 'noVolumes', data);
          });
        }
      }
    }
  },
});

function definedVolumes(obj: K8sObject, volumes: unknown): Set<string> {
  const names = new Set<string>();
  if (Array.isArray(volumes)) for (const v of volumes) if (isPlainObject(v) && typeof v.name === 'string') names.add(v.name);
  const spec = obj.body.spec;
  if (obj.kind === 'StatefulSet' && isPlainObject(spec) && Array.isArray(spec.volumeClaimTemplates)) {
    for (const claim of spec.volumeClaimTemplates) {
      if (isPlainObject(claim) && isPlainObject(claim.metadata) && typeof claim.metadata.name === 'string') names.add(claim.metadata.name);
    }
  }
  return names;
}
