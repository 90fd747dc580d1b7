import { ruleTester } from '../helpers/rule-tester.js';

const storageClass = (provisioner: string, mode: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local-ssd}\nprovisioner: ${provisioner}\n${mode}`;
const localPv = 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ssd1}\nspec:\n  storageClassName: local-ssd\n  local: {path: /mnt/disks/ssd1}\n';

ruleTester('local-storage-immediate-binding', {
  valid: [
    { name: 'no-provisioner waiting for the first consumer', yaml: storageClass('kubernetes.io/no-provisioner', 'volumeBindingMode: WaitForFirstConsumer\n') },
    { name: 'hostile input: a mode that is a mapping is not "not set" (schema-violation reports its type)', yaml: storageClass('kubernetes.io/no-provisioner', 'volumeBindingMode: {toString: x}\n') },
    { name: 'a dynamic provisioner binding immediately, no local volume', yaml: storageClass('ebs.csi.aws.com', 'volumeBindingMode: Immediate\n') },
  ],
  invalid: [
    {
      name: 'no-provisioner with the default mode',
      yaml: storageClass('kubernetes.io/no-provisioner', ''),
      findings: [{ line: 3, messageId: 'noProvisionerDefault', data: { name: 'local-ssd', provisioner: 'kubernetes.io/no-provisioner' } }],
    },
    {
      name: 'a class local volumes use, set to Immediate',
      yaml: `${storageClass('example.com/local', 'volumeBindingMode: Immediate\n')}---\n${localPv}`,
      findings: [{ line: 5, messageId: 'localVolumes', data: { name: 'local-ssd', mode: 'Immediate' }, severity: 'warning' }],
    },
    {
      name: 'no-provisioner set to Immediate',
      yaml: storageClass('kubernetes.io/no-provisioner', 'volumeBindingMode: Immediate\n'),
      findings: [{ line: 5, messageId: 'noProvisioner', data: { name: 'local-ssd', mode: 'Immediate', provisioner: 'kubernetes.io/no-provisioner' } }],
    },
    {
      name: 'a class local volumes use, mode not set',
      yaml: `${storageClass('example.com/local', '')}---\n${localPv}`,
      findings: [{ line: 3, messageId: 'localVolumesDefault', data: { name: 'local-ssd' } }],
    },
  ],
});
