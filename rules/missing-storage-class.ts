import { ASSUME_EXISTING_SCHEMA, existsOutside, inventoryLists, claimsOf, defineRule, describeClaim, isPlainObject, storageClassNameOf, type AssumeExistingOptions, type K8sObject } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'missing-storage-class',
  family: 'volumes',
  severity: 'warning',
  presets: ['strict'],
  description: 'A PersistentVolumeClaim, volumeClaimTemplate or PersistentVolume names a StorageClass that is not in the input',
  docs: {
    why: 'A claim naming a StorageClass that does not exist is never provisioned: it stays Pending and so do the Pods that mount it. Storage classes, though, usually belong to the cluster rather than to an application\'s manifests (cloud providers install "standard", "gp2", "premium-rwo"…), so a class missing from the input is often fine. That is why this rule is a warning in the strict preset only, not in recommended: turn it on when your manifests define the classes they use, and list the cluster\'s own classes in "assumeExisting".',
    fix: 'Correct storageClassName to a class that exists, add the StorageClass to the manifests, or omit storageClassName to use the cluster\'s default class. List classes installed in the cluster in the rule option "assumeExisting".',
    bad: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: fast-sdd\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast-ssd}\nprovisioner: pd.csi.storage.gke.io\n',
    good: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: fast-ssd\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast-ssd}\nprovisioner: pd.csi.storage.gke.io\n',
  },
  messages: {
    notInInput: '{{owner}} names StorageClass "{{storageClass}}", which is not in the input (StorageClasses in the input: {{classes}})',
    notInInventory: '{{owner}} names StorageClass "{{storageClass}}", which is not in the input (the inventory lists the cluster\'s)',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, report, options, settings }) {
    const known = new Set(objects.ofKind('StorageClass').map((sc) => sc.name));
    // with no class in the input or the inventory, class names are the cluster's business
    if (!known.size && !inventoryLists(settings.cluster, 'StorageClass')) return;
    const claims = claimsOf(objects);
    const pvs = objects.ofKind('PersistentVolume');
    // a class both a claim and a static PersistentVolume name binds them without any StorageClass object ("manual")
    const pvClasses = new Set(pvs.map((pv) => storageClassNameOf(isPlainObject(pv.body.spec) ? pv.body.spec : {}, pv.annotations)));
    const claimClasses = new Set(claims.map((claim) => storageClassNameOf(claim.spec, claim.annotations)));
    const check = (owner: K8sObject, className: string | undefined, path: string, what: string) => {
      if (className === undefined || className === '' || known.has(className) || (pvClasses.has(className) && claimClasses.has(className)) || existsOutside({ options, settings }, 'StorageClass', null, className)) return;
      const data = { owner: what, storageClass: className };
      if (known.size) report(owner, path, 'notInInput', { ...data, classes: [...known].join(', ') });
      else report(owner, path, 'notInInventory', data);
    };
    for (const claim of claims) {
      check(claim.owner, storageClassNameOf(claim.spec, claim.annotations), `${claim.specPath}.storageClassName`, describeClaim(claim));
    }
    for (const pv of pvs) {
      const spec = isPlainObject(pv.body.spec) ? pv.body.spec : {};
      check(pv, storageClassNameOf(spec, pv.annotations), 'spec.storageClassName', `PersistentVolume "${pv.name}"`);
    }
  },
});
