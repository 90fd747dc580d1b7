import { ruleTester, yaml } from '../helpers/rule-tester.js';

/** A claim asking for 10Gi ReadWriteOnce from volume "pv"; volumeName is on line 5. */
const claim = (extra = '') => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data, namespace: shop}
  spec:
    volumeName: pv
    storageClassName: ""
    accessModes: [ReadWriteOnce]
    resources: {requests: {storage: 10Gi}}${extra}
`;

const volume = (spec: string) => yaml`
  apiVersion: v1
  kind: PersistentVolume
  metadata: {name: pv}
  spec: ${spec}
`;

ruleTester('pv-claim-mismatch', {
  valid: [
    { name: 'the volume fits', yaml: `${claim()}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 10240Mi}, claimRef: {namespace: shop, name: data}}')}` },
    { name: 'a bigger volume that offers more modes', yaml: `${claim()}---\n${volume('{storageClassName: "", accessModes: [ReadWriteMany, ReadWriteOnce], capacity: {storage: 1Ti}}')}` },
    { name: 'the volume is assumed to exist', options: { assumeExisting: ['pv'] }, yaml: claim() },
    { name: 'no volumeName: pvc-unbindable\'s concern', yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nspec: {accessModes: [ReadWriteOnce]}\n' },
  ],
  invalid: [
    {
      name: 'two claims naming one volume: the second stays Pending',
      yaml: `${claim()}---\n${claim().replace('name: data', 'name: logs')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}}')}`,
      findings: [{ line: 14, messageId: 'sharedVolume', data: { claim: 'PersistentVolumeClaim "logs"', volume: 'pv', other: 'PersistentVolumeClaim "data"' } }],
    },
    {
      name: 'the volume is not in the input',
      yaml: claim(),
      findings: [{ line: 5, messageId: 'notInInput', data: { claim: 'PersistentVolumeClaim "data"', volume: 'pv' } }],
    },
    {
      name: 'reserved for another claim',
      yaml: `${claim()}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}, claimRef: {namespace: shop, name: other}}')}`,
      findings: [{ line: 5, messageId: 'cannotBind', data: { claim: 'PersistentVolumeClaim "data"', volume: 'pv', problems: 'it is reserved for claim "shop/other" (spec.claimRef)' } }],
    },
    {
      name: 'too small',
      yaml: `${claim()}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 5Gi}}')}`,
      findings: [{ line: 5, messageId: 'cannotBind', data: { problems: 'its capacity 5Gi is less than the 10Gi requested' } }],
    },
    {
      name: 'access modes do not cover the claim\'s',
      yaml: `${claim()}---\n${volume('{storageClassName: "", accessModes: [ReadOnlyMany], capacity: {storage: 10Gi}}')}`,
      findings: [{ line: 5, messageId: 'cannotBind', data: { problems: 'it does not offer access mode ReadWriteOnce (it offers ReadOnlyMany)' } }],
    },
    {
      name: 'another class and another volumeMode',
      yaml: `${claim()}---\n${volume('{storageClassName: slow, accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}, volumeMode: Block}')}`,
      findings: [{ line: 5, messageId: 'cannotBind', data: { problems: 'its storageClassName is "slow", the claim\'s is "" (none); its volumeMode is Block, the claim\'s is Filesystem' } }],
    },
    {
      name: 'hostile input: sizes, modes and a claimRef that are mappings are left out of the reasons',
      yaml: `${claim().replace('storage: 10Gi', 'storage: {toString: x}')}---\n${volume('{storageClassName: "", accessModes: [{toString: x}], capacity: {storage: {a: 1}}, claimRef: {name: {a: 1}, namespace: [shop]}}')}`,
      findings: [{ line: 5, message: 'cannot bind PersistentVolume "pv": it does not offer access mode ReadWriteOnce (it offers none)', messageId: 'cannotBind' }],
    },
  ],
});
