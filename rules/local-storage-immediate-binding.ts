import { NO_PROVISIONER, defineRule, isPlainObject, storageClassNameOf } from '../src/rule-api.js';

export default defineRule({
  id: 'local-storage-immediate-binding',
  family: 'volumes',
  severity: 'warning',
  presets: ['strict'],
  description: 'The StorageClass of local volumes binds claims immediately instead of waiting for the first consumer',
  docs: {
    why: 'A local volume exists on one node. With volumeBindingMode Immediate (the default), a claim is bound as soon as it is created, before any Pod is scheduled, so it may get a volume on a node where the Pod cannot run (resources, affinity, taints) and the Pod stays Pending. WaitForFirstConsumer delays binding until the scheduler has chosen a node, and then picks a volume on that node. The rule looks at classes that local PersistentVolumes of the input use, and at classes with provisioner kubernetes.io/no-provisioner.',
    fix: 'Set volumeBindingMode: WaitForFirstConsumer on the StorageClass.',
    bad: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local-ssd}\nprovisioner: kubernetes.io/no-provisioner\n',
    good: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: local-ssd}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n',
  },
  messages: {
    localVolumes: 'StorageClass "{{name}}" binds claims before their Pods are scheduled (volumeBindingMode is {{mode}}), but local PersistentVolumes use it; use WaitForFirstConsumer',
    localVolumesDefault: 'StorageClass "{{name}}" binds claims before their Pods are scheduled (volumeBindingMode is not set (Immediate)), but local PersistentVolumes use it; use WaitForFirstConsumer',
    noProvisioner: 'StorageClass "{{name}}" binds claims before their Pods are scheduled (volumeBindingMode is {{mode}}), but its provisioner is {{provisioner}}; use WaitForFirstConsumer',
    noProvisionerDefault: 'StorageClass "{{name}}" binds claims before their Pods are scheduled (volumeBindingMode is not set (Immediate)), but its provisioner is {{provisioner}}; use WaitForFirstConsumer',
  },
  check({ objects, report }) {
    const localClasses = new Set<string>();
    for (const pv of objects.ofKind('PersistentVolume')) {
      const spec = isPlainObject(pv.body.spec) ? pv.body.spec : {};
      const className = storageClassNameOf(spec, pv.annotations);
      if (isPlainObject(spec.local) && className) localClasses.add(className);
    }
    for (const sc of objects.ofKind('StorageClass')) {
      const mode = sc.body.volumeBindingMode;
      // A mode that is no string is schema-violation's to report; it is not "not set".
      const set = typeof mode === 'string';
      if (mode === 'WaitForFirstConsumer' || (!set && mode !== undefined && mode !== null)) continue;
      // Unset means Immediate.
      const data = { name: sc.name, mode: set ? mode : 'Immediate' };
      const path = set ? 'volumeBindingMode' : 'metadata.name';
      if (localClasses.has(sc.name)) report(sc, path, set ? 'localVolumes' : 'localVolumesDefault', data);
      else if (sc.body.provisioner === NO_PROVISIONER) report(sc, path, set ? 'noProvisioner' : 'noProvisionerDefault', { ...data, provisioner: NO_PROVISIONER });
    }
  },
});
