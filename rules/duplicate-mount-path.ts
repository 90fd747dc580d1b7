import { defineRule, podTemplateOf, volumeMounts, type VolumeMount } from '../src/rule-api.js';

export default defineRule({
  id: 'duplicate-mount-path',
  family: 'volumes',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A container mounts two volumes (or one twice) at the same mountPath, or two devices at one devicePath',
  docs: {
    why: 'Each mountPath of a container must be unique; the API server rejects the Pod otherwise ("must be unique"), and the workload never starts. Even where it slipped through, the second mount would hide the first.',
    fix: 'Give each volumeMount its own mountPath (use subPath to place several files of one volume), or remove the duplicate.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    volumeMounts:\n    - {name: config, mountPath: /etc/app}\n    - {name: secrets, mountPath: /etc/app}\n  volumes:\n  - {name: config, configMap: {name: app}}\n  - {name: secrets, secret: {secretName: app}}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    volumeMounts:\n    - {name: config, mountPath: /etc/app/config}\n    - {name: secrets, mountPath: /etc/app/secrets}\n  volumes:\n  - {name: config, configMap: {name: app}}\n  - {name: secrets, secret: {secretName: app}}\n',
  },
  messages: {
    samePath: 'container "{{container}}" already uses {{field}} "{{path}}" for volume "{{volume}}"; each path may be mounted once',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      const seen = new Map<string, VolumeMount>();
      for (const mount of volumeMounts(template)) {
        const field = mount.field === 'volumeMounts' ? 'mountPath' : 'devicePath';
        const target = mount.mount[field];
        if (typeof target !== 'string' || target === '') continue;
        // `/data` and `/data/` name one directory.
        const key = `${mount.container.path}|${target.length > 1 ? target.replace(/\/+$/, '') : target}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, mount);
          continue;
        }
        report(obj, `${mount.path}.${field}`, 'samePath', { container: String(mount.container.container.name), field, path: target, volume: String(first.mount.name) });
      }
    }
  },
});
