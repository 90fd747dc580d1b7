import { defineRule, isPlainObject, podTemplateOf, podVolumes, scalarText } from '../src/rule-api.js';

export default defineRule({
  id: 'host-path-volume',
  family: 'security',
  severity: 'warning',
  presets: ['pss-baseline'],
  description: 'A Pod mounts a hostPath volume (any path of the node)',
  messages: {
    hostPath: 'volume "{{volume}}" mounts the node\'s path "{{path}}" (hostPath), which Pod Security baseline forbids',
    hostPathUnnamed: 'volume "{{volume}}" mounts a path of the node (hostPath), which Pod Security baseline forbids',
  },
  docs: {
    why: 'Pod Security Standards control "HostPath Volumes" (baseline): a hostPath volume gives the Pod files of the node, which breaks isolation and ties it to one node. `sensitive-host-path` flags the dangerous paths in every preset; this rule flags them all, for the Pod Security presets.',
    fix: 'Use an emptyDir, a PersistentVolumeClaim, a ConfigMap/Secret or a CSI volume instead; node agents that need the host belong in a namespace that is not held to baseline.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0", volumeMounts: [{name: logs, mountPath: /logs}]}\n  volumes:\n  - {name: logs, hostPath: {path: /var/log/app}}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0", volumeMounts: [{name: logs, mountPath: /logs}]}\n  volumes:\n  - {name: logs, emptyDir: {}}\n',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const volume of podVolumes(template)) {
        const hostPath = volume.volume.hostPath;
        if (!isPlainObject(hostPath)) continue;
        const path = scalarText(hostPath.path);
        if (path !== undefined) report(obj, `${volume.path}.hostPath`, 'hostPath', { volume: volume.name, path });
        else report(obj, `${volume.path}.hostPath`, 'hostPathUnnamed', { volume: volume.name });
      }
    }
  },
});
