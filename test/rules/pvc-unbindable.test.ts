import { ruleTester, yaml } from '../helpers/rule-tester.js';

/** A claim for 10Gi ReadWriteOnce; `extra` is one more line of its spec (line 5). */
const claim = (extra: string) => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: data, namespace: shop}
  spec:
    ${extra}
    accessModes: [ReadWriteOnce]
    resources: {requests: {storage: 10Gi}}
`;

const volume = (spec: string, labels = '{}') => yaml`
  apiVersion: v1
  kind: PersistentVolume
  metadata: {name: pv, labels: ${labels}}
  spec: ${spec}
`;

const staticClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local}\nprovisioner: kubernetes.io/no-provisioner\n';

ruleTester('pvc-unbindable', {
  valid: [
    { name: '"" with a matching static volume', yaml: `${claim('storageClassName: ""')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce, ReadOnlyMany], capacity: {storage: 20Gi}}')}` },
    { name: 'no class: the cluster default provisions it', yaml: claim('volumeMode: Filesystem') },
    { name: 'a named class that provisions', yaml: claim('storageClassName: fast-ssd') },
    {
      name: 'a selector matched by a volume\'s labels',
      yaml: `${claim('selector: {matchLabels: {disk: ssd}}')}---\n${volume('{accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}}', '{disk: ssd}')}`,
    },
    {
      name: 'no class, no default class, but a volume without class matches',
      options: { clusterHasDefaultClass: false },
      yaml: `${claim('volumeMode: Filesystem')}---\n${volume('{accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}}')}`,
    },
    { name: 'volumeName is pv-claim-mismatch\'s concern', yaml: claim('volumeName: elsewhere') },
    {
      name: 'two claims and two volumes that fit both: each binds one',
      yaml: `${claim('storageClassName: ""')}---\n${claim('storageClassName: ""').replace('name: data', 'name: logs')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}}')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 50Gi}}').replace('name: pv,', 'name: pv-big,')}`,
    },
  ],
  invalid: [
    {
      name: 'two claims that can only bind the one static volume: the second stays Pending',
      yaml: `${claim('storageClassName: ""')}---\n${claim('storageClassName: ""').replace('name: data', 'name: logs')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}}')}`,
      findings: [{ line: 13, messageId: 'boundElsewhere', data: { claim: 'PersistentVolumeClaim "logs"', reason: 'emptyClass', volume: 'pv', holder: 'PersistentVolumeClaim "data"' } }],
    },
    {
      name: '"" and no volume at all',
      yaml: claim('storageClassName: ""'),
      findings: [{ line: 5, messageId: 'noMatch', data: { claim: 'PersistentVolumeClaim "data"', reason: 'emptyClass', why: 'storageClassName is "", so nothing provisions it' } }],
    },
    {
      name: '"" and only a volume that is too small',
      yaml: `${claim('storageClassName: ""')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 5Gi}}')}`,
      findings: [{ line: 5, messageId: 'noMatch', data: { reason: 'emptyClass' } }],
    },
    {
      name: 'a no-provisioner class whose volume lacks the access mode',
      yaml: `${claim('storageClassName: local')}---\n${staticClass}---\n${volume('{storageClassName: local, accessModes: [ReadOnlyMany], capacity: {storage: 10Gi}}')}`,
      findings: [{ line: 5, messageId: 'noMatch', data: { reason: 'noProvisioner', why: 'StorageClass "local" has provisioner kubernetes.io/no-provisioner' } }],
    },
    {
      name: 'a selector no volume matches',
      yaml: `${claim('selector: {matchLabels: {disk: ssd}}')}---\n${volume('{accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}}', '{disk: hdd}')}`,
      findings: [{ line: 5, messageId: 'noMatch', data: { reason: 'selector' } }],
    },
    {
      name: 'no class and the cluster has no default class',
      options: { clusterHasDefaultClass: false },
      yaml: claim('volumeMode: Filesystem'),
      findings: [{ line: 4, messageId: 'noMatch', data: { reason: 'noDefaultClass' } }],
    },
    {
      name: 'a volume reserved for another claim does not count',
      yaml: `${claim('storageClassName: ""')}---\n${volume('{storageClassName: "", accessModes: [ReadWriteOnce], capacity: {storage: 10Gi}, claimRef: {namespace: shop, name: other}}')}`,
      findings: [{ line: 5, messageId: 'noMatch', data: { reason: 'emptyClass' } }],
    },
    {
      name: 'hostile input: a request that is a mapping does not stop the check',
      yaml: claim('storageClassName: ""').replace('storage: 10Gi', 'storage: {toString: x}'),
      findings: [{ line: 5, messageId: 'noMatch', data: { reason: 'emptyClass' } }],
    },
  ],
});
