import { ruleTester } from '../helpers/rule-tester.js';

const pv = (extra: string) => `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ssd1}\nspec:\n  capacity: {storage: 100Gi}\n  local: {path: /mnt/disks/ssd1}\n${extra}`;

ruleTester('local-pv-missing-node-affinity', {
  valid: [
    { name: 'pinned to a node', yaml: pv('  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]\n') },
    { name: 'not a local volume', yaml: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: nfs}\nspec:\n  nfs: {server: nfs, path: /x}\n' },
  ],
  invalid: [
    { name: 'no nodeAffinity', yaml: pv(''), findings: [{ line: 6, messageId: 'noNodeAffinity', data: { name: 'ssd1' } }] },
    { name: 'nodeAffinity without terms', yaml: pv('  nodeAffinity: {required: {nodeSelectorTerms: []}}\n'), findings: [{ line: 7, messageId: 'noNodeAffinity', data: { name: 'ssd1' } }] },
  ],
});
