import { defineRule, isPlainObject } from '../src/rule-api.js';

export default defineRule({
  id: 'local-pv-missing-node-affinity',
  family: 'volumes',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A local PersistentVolume does not pin the node it lives on (spec.nodeAffinity)',
  docs: {
    why: 'A local volume is a disk or directory of one node. The scheduler learns which node from the volume\'s required node affinity; without it the API server rejects the volume, and even a volume admitted some other way could be handed to a Pod on a node where the disk does not exist.',
    fix: 'Add spec.nodeAffinity.required.nodeSelectorTerms selecting the node that holds the disk (usually by kubernetes.io/hostname).',
    bad: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ssd1}\nspec:\n  capacity: {storage: 100Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-ssd\n  local: {path: /mnt/disks/ssd1}\n',
    good: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ssd1}\nspec:\n  capacity: {storage: 100Gi}\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-ssd\n  local: {path: /mnt/disks/ssd1}\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - {key: kubernetes.io/hostname, operator: In, values: [node-1]}\n',
  },
  messages: {
    noNodeAffinity: 'local PersistentVolume "{{name}}" has no spec.nodeAffinity.required.nodeSelectorTerms, so nothing says which node holds its disk',
  },
  check({ objects, report }) {
    for (const pv of objects.ofKind('PersistentVolume')) {
      const spec = pv.body.spec;
      if (!isPlainObject(spec) || !isPlainObject(spec.local)) continue;
      const affinity = isPlainObject(spec.nodeAffinity) ? spec.nodeAffinity : undefined;
      const required = affinity && isPlainObject(affinity.required) ? affinity.required : undefined;
      const terms = required?.nodeSelectorTerms;
      if (Array.isArray(terms) && terms.length > 0) continue;
      const path = affinity ? 'spec.nodeAffinity' : 'spec.local';
      report(pv, path, 'noNodeAffinity', { name: pv.name });
    }
  },
});
