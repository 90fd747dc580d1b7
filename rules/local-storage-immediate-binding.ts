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
  check({ objects, report }) {
    const localClasses = new Set<string>();
    for (const pv of objects.ofKind('PersistentVolume')) {
      const spec = isPlainObject(pv.body.spec) ? pv.body.spec : {};
      const className = storageClassNameOf(spec, pv.annotations);
      if (isPlainObject(spec.local) && className) localClasses.add(className);
    }
    for (const sc of objects.ofKind('StorageClass')) {
      const mode = sc.body.volumeBindingMode;
      if (mode === 'WaitForFirstConsumer') continue;
      const why = localClasses.has(sc.name) ? 'local PersistentVolumes use it' : sc.body.provisioner === NO_PROVISIONER ? `its provisioner is ${NO_PROVISIONER}` : undefined;
      if (!why) continue;
      const current = typeof mode === 'string' ? `volumeBindingMode is ${mode}` : 'volumeBindingMode is not set (Immediate)';
      report(sc, typeof mode === 'string' ? 'volumeBindingMode' : 'metadata.name', `StorageClass "${sc.name}" binds claims before their Pods are scheduled (${current}), but ${why}; use WaitForFirstConsumer`);
    }
  },
});
