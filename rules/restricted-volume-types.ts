import { defineRule, podTemplateOf, podVolumes } from '../src/rule-api.js';

/** The volume sources Pod Security restricted allows. */
const ALLOWED = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

export default defineRule({
  id: 'restricted-volume-types',
  family: 'security',
  severity: 'warning',
  presets: ['pss-restricted'],
  description: 'A Pod uses a volume type other than those Pod Security restricted allows',
  messages: { type: 'volume "{{volume}}" is of type {{type}}; Pod Security restricted allows only {{allowed}}' },
  docs: {
    why: 'Pod Security Standards control "Volume Types" (restricted): beyond hostPath, in-tree volume types (nfs, iscsi, rbd, gitRepo…) mount storage straight from the node with the kubelet\'s rights. Restricted Pods keep to volumes that go through the API: configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret.',
    fix: 'Use a PersistentVolumeClaim (the administrator defines the PersistentVolume of that type) or a CSI driver.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0", volumeMounts: [{name: data, mountPath: /data}]}\n  volumes:\n  - {name: data, nfs: {server: nfs.example.com, path: /exports/app}}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0", volumeMounts: [{name: data, mountPath: /data}]}\n  volumes:\n  - {name: data, persistentVolumeClaim: {claimName: app-data}}\n',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const volume of podVolumes(template)) {
        const type = Object.keys(volume.volume).find((key) => key !== 'name');
        if (type === undefined || ALLOWED.includes(type)) continue;
        report(obj, `${volume.path}.${type}`, 'type', { volume: volume.name, type, allowed: ALLOWED.join(', ') });
      }
    }
  },
});
