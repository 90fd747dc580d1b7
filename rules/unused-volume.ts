import { defineRule, podTemplateOf, podVolumes, volumeMounts } from '../src/rule-api.js';

export default defineRule({
  id: 'unused-volume',
  family: 'volumes',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A Pod volume that no container mounts',
  docs: {
    why: 'A volume does nothing until a container mounts it (volumeMounts) or attaches it as a device (volumeDevices). An unmounted volume is usually a typo in a mount name or a leftover; a persistent one still gets attached to the node, and a missing ConfigMap or Secret behind it still blocks the Pod from starting.',
    fix: 'Mount the volume in the container that needs it, or remove it from spec.volumes.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    volumeMounts: [{name: data, mountPath: /data}]\n  volumes:\n  - {name: data, emptyDir: {}}\n  - {name: cache, emptyDir: {}}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    volumeMounts: [{name: data, mountPath: /data}, {name: cache, mountPath: /cache}]\n  volumes:\n  - {name: data, emptyDir: {}}\n  - {name: cache, emptyDir: {}}\n',
  },
  messages: {
    unmounted: 'volume "{{volume}}" is not mounted by any container of the Pod',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const used = new Set(volumeMounts(template).map((m) => m.mount.name));
      for (const volume of podVolumes(template)) {
        if (!used.has(volume.name)) report(obj, `${volume.path}.name`, 'unmounted', { volume: volume.name });
      }
    }
  },
});
