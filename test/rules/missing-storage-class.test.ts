import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const claim = (storageClass: string) => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data}
  spec:
    ${storageClass}
    accessModes: [ReadWriteOnce]
    resources: {requests: {storage: 1Gi}}
`;

const fastSsd = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast-ssd}\nprovisioner: pd.csi.storage.gke.io\n';

ruleTester('missing-storage-class', {
  valid: [
    { name: 'the class is in the input', yaml: `${claim('storageClassName: fast-ssd')}---\n${fastSsd}` },
    { name: 'no class: the default class is used', yaml: claim('volumeMode: Filesystem') },
    { name: '"": no class at all', yaml: claim('storageClassName: ""') },
    { name: 'the input defines no StorageClass: class names are the cluster\'s', yaml: claim('storageClassName: gp3') },
    {
      name: '"manual" with a matching static PersistentVolume',
      yaml: `${claim('storageClassName: manual')}---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv1}\nspec: {storageClassName: manual, capacity: {storage: 1Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /data}}\n---\n${fastSsd}`,
    },
    { name: 'a class of the cluster listed in assumeExisting', options: { assumeExisting: ['standard', 'premium-*'] }, yaml: claim('storageClassName: premium-rwo') },
  ],
  invalid: [
    {
      name: 'a typo in the class name',
      yaml: `${claim('storageClassName: fast-sdd')}---\n${fastSsd}`,
      findings: [{ line: 5, messageId: 'notInInput', data: { owner: 'PersistentVolumeClaim "data"', storageClass: 'fast-sdd', classes: 'fast-ssd' }, severity: 'warning' }],
    },
    {
      name: 'the legacy annotation',
      yaml: yaml`
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: data
          annotations: {volume.beta.kubernetes.io/storage-class: slow}
        spec: {accessModes: [ReadWriteOnce]}
      ` + `---\n${fastSsd}`,
      findings: [{ line: 6, messageId: 'notInInput', data: { storageClass: 'slow' } }],
    },
    {
      name: 'a volumeClaimTemplate and a PersistentVolume',
      yaml: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {storageClassName: gold, accessModes: [ReadWriteOnce]}
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: pv}
        spec: {storageClassName: silver, capacity: {storage: 1Gi}}
      ` + `---\n${fastSsd}`,
      findings: [
        { line: 7, messageId: 'notInInput', data: { owner: 'volumeClaimTemplate "data"', storageClass: 'gold' } },
        { line: 12, messageId: 'notInInput', data: { owner: 'PersistentVolume "pv"', storageClass: 'silver' } },
      ],
    },
    {
      name: 'the claim template of an ephemeral volume',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, volumeMounts: [{name: scratch, mountPath: /scratch}]}]
          volumes:
          - name: scratch
            ephemeral:
              volumeClaimTemplate:
                spec: {storageClassName: scratch-class, accessModes: [ReadWriteOnce]}
      ` + `---\n${fastSsd}`,
      findings: [{ line: 10, messageId: 'notInInput', data: { owner: 'ephemeral volume "scratch"', storageClass: 'scratch-class' } }],
    },
  ],
});

describe('missing-storage-class with a cluster inventory', () => {
  it('a class the inventory does not list is reported when the input defines none', async () => {
    const text = `${claim('storageClassName: gp33')}---\n${claim('storageClassName: gp3').replace('name: data', 'name: logs')}`;
    const { findings } = await lint([], { inline: [{ file: 'test.yaml', text }], cluster: { storageClasses: ['gp3'] }, rules: { 'missing-storage-class': 'warning' } });
    expect(findings.filter((f) => f.ruleId === 'missing-storage-class').map((f) => ({ line: f.line, messageId: f.messageId, data: f.data }))).toEqual([
      { line: 5, messageId: 'notInInventory', data: { owner: 'PersistentVolumeClaim "data"', storageClass: 'gp33' } },
    ]);
  });
});
