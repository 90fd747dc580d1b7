import { ASSUME_EXISTING_SCHEMA, assumedToExist, bindingProblems, claimsOf, defaultStorageClass, defineRule, describeClaim, effectiveClaimClass, isPlainObject, storageClassNameOf, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'pv-claim-mismatch',
  family: 'volumes',
  severity: 'error',
  presets: ['recommended'],
  description: 'A PersistentVolumeClaim\'s volumeName names a PersistentVolume that is missing or cannot bind to it',
  docs: {
    why: 'A claim with spec.volumeName binds to that one PersistentVolume and no other. If the volume does not exist, is reserved for another claim (spec.claimRef), is smaller than the request, lacks an access mode the claim asks for, or differs in storage class or volumeMode, the claim stays Pending forever and every Pod that mounts it waits with it.',
    fix: 'Point volumeName at the right volume, or change the volume (capacity, accessModes, storageClassName, claimRef) or the claim so that they match. List volumes created outside these manifests in the rule option "assumeExisting".',
    bad: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  volumeName: data-pv\n  storageClassName: ""\n  accessModes: [ReadWriteMany]\n  resources: {requests: {storage: 20Gi}}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: data-pv}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 10Gi}\n  nfs: {server: nfs.example.com, path: /exports/data}\n',
    good: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  volumeName: data-pv\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: data-pv}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 10Gi}\n  nfs: {server: nfs.example.com, path: /exports/data}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, report, options }) {
    const defaultClass = defaultStorageClass(objects);
    for (const claim of claimsOf(objects)) {
      const volumeName = claim.spec.volumeName;
      if (typeof volumeName !== 'string' || volumeName === '') continue;
      const path = `${claim.specPath}.volumeName`;
      const what = describeClaim(claim);
      const pv = objects.find('PersistentVolume', null, volumeName);
      if (!pv) {
        if (!assumedToExist(options.assumeExisting, null, volumeName)) report(claim.owner, path, `${what} names PersistentVolume "${volumeName}" in volumeName, which is not in the input`);
        continue;
      }
      // Without its own class, a claim naming a volume takes the volume's class unless a default is set.
      const pvClass = storageClassNameOf(isPlainObject(pv.body.spec) ? pv.body.spec : {}, pv.annotations) ?? '';
      const claimClass = storageClassNameOf(claim.spec, claim.annotations) === undefined && !defaultClass ? pvClass : effectiveClaimClass(claim, defaultClass);
      const problems = bindingProblems(pv, claim, claimClass);
      if (problems.length === 0) continue;
      report(claim.owner, path, `${what} cannot bind PersistentVolume "${volumeName}": ${problems.join('; ')}`, undefined, {
        related: [{ object: pv, path: 'spec', message: 'the PersistentVolume' }],
      });
    }
  },
});
