import { ASSUME_EXISTING_SCHEMA, existsOutside, bindingProblems, claimsOf, defaultStorageClass, defineRule, describeClaim, volumeNameClaimClass, type AssumeExistingOptions, type Claim } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'pv-claim-mismatch',
  family: 'volumes',
  severity: 'error',
  presets: ['recommended'],
  description: 'A PersistentVolumeClaim\'s volumeName names a PersistentVolume that is missing or cannot bind to it',
  docs: {
    why: 'A claim with spec.volumeName binds to that one PersistentVolume and no other. If the volume does not exist, is reserved for another claim (spec.claimRef), is smaller than the request, lacks an access mode the claim asks for, or differs in storage class or volumeMode, the claim stays Pending forever and every Pod that mounts it waits with it. A volume binds one claim: two claims naming the same volume cannot both bind.',
    fix: 'Point volumeName at the right volume, or change the volume (capacity, accessModes, storageClassName, claimRef) or the claim so that they match. List volumes created outside these manifests in the rule option "assumeExisting".',
    bad: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  volumeName: data-pv\n  storageClassName: ""\n  accessModes: [ReadWriteMany]\n  resources: {requests: {storage: 20Gi}}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: data-pv}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 10Gi}\n  nfs: {server: nfs.example.com, path: /exports/data}\n',
    good: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  volumeName: data-pv\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: data-pv}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 10Gi}\n  nfs: {server: nfs.example.com, path: /exports/data}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  messages: {
    notInInput: '{{claim}} names PersistentVolume "{{volume}}" in volumeName, which is not in the input',
    sharedVolume: '{{claim}} names PersistentVolume "{{volume}}", which {{other}} also names; a PersistentVolume binds one claim, so one of them stays Pending',
    cannotBind: '{{claim}} cannot bind PersistentVolume "{{volume}}": {{problems}}',
  },
  check({ objects, report, options, settings }) {
    const defaultClass = defaultStorageClass(objects);
    const firstByVolume = new Map<string, Claim>();
    for (const claim of claimsOf(objects)) {
      const volumeName = claim.spec.volumeName;
      if (typeof volumeName !== 'string' || volumeName === '') continue;
      const path = `${claim.specPath}.volumeName`;
      const data = { claim: describeClaim(claim), volume: volumeName };
      const pv = objects.find('PersistentVolume', null, volumeName);
      if (!pv) {
        if (!existsOutside({ options, settings }, 'PersistentVolume', null, volumeName)) report(claim.owner, path, 'notInInput', data);
        continue;
      }
      // Without its own class, a claim naming a volume takes the volume's class unless a default is set.
      // A volume binds one claim: a second claim naming it stays Pending.
      const first = firstByVolume.get(volumeName);
      if (first && !claim.template) {
        report(claim.owner, path, 'sharedVolume', { ...data, other: describeClaim(first) }, {
          related: [{ object: first.owner, path: `${first.specPath}.volumeName`, message: `${describeClaim(first)} names it too` }],
        });
        continue;
      }
      if (!claim.template) firstByVolume.set(volumeName, claim);
      const problems = bindingProblems(pv, claim, volumeNameClaimClass(claim, pv, defaultClass));
      if (problems.length === 0) continue;
      report(claim.owner, path, 'cannotBind', { ...data, problems: problems.join('; ') }, {
        related: [{ object: pv, path: 'spec', message: 'the PersistentVolume' }],
      });
    }
  },
});
