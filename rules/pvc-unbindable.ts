import { NO_PROVISIONER, boundVolumeOf, claimsOf, defaultStorageClass, defineRule, describeClaim, effectiveClaimClass, matchingVolume, staticBindings, storageClassNameOf, type Claim, type ObjectSet } from '../src/rule-api.js';

interface Options {
  /** Whether the cluster has a default StorageClass that is not in the input. */
  clusterHasDefaultClass: boolean;
}

export default defineRule<Options>({
  id: 'pvc-unbindable',
  family: 'volumes',
  severity: 'warning',
  presets: ['strict'],
  description: 'A PersistentVolumeClaim that nothing in the input can provision and no PersistentVolume in the input can satisfy',
  docs: {
    why: 'A claim is bound either to a volume a StorageClass provisions or to a static PersistentVolume that matches it (class, access modes, capacity, volumeMode, selector, claimRef). With storageClassName: "" (no dynamic provisioning), a class whose provisioner is kubernetes.io/no-provisioner, or a spec.selector (provisioners ignore claims with selectors), only a static volume can satisfy it; when none exists the claim stays Pending and so does every Pod that mounts it. A claim without storageClassName gets the cluster\'s default class, which usually exists outside the manifests; set the option "clusterHasDefaultClass" to false when your cluster has none.',
    fix: 'Add a PersistentVolume that matches the claim, name a StorageClass that provisions volumes, or relax the claim (access modes, size, selector) so an existing volume matches.',
    bad: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 50Gi}}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: data-pv}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 20Gi}\n  nfs: {server: nfs.example.com, path: /exports/data}\n',
    good: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 20Gi}}\n---\napiVersion: v1\nkind: PersistentVolume\nmetadata: {name: data-pv}\nspec:\n  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n  capacity: {storage: 20Gi}\n  nfs: {server: nfs.example.com, path: /exports/data}\n',
  },
  options: {
    type: 'object',
    properties: { clusterHasDefaultClass: { type: 'boolean', description: 'The cluster has a default StorageClass outside the input (claims without storageClassName get it).' } },
    additionalProperties: false,
  },
  defaultOptions: { clusterHasDefaultClass: true },
  messages: {
    boundElsewhere: '{{claim}} can only bind a pre-made PersistentVolume ({{why}}), and PersistentVolume "{{volume}}", the one that matches it, binds {{holder}}; a PersistentVolume binds one claim, so this one stays Pending',
    noMatch: '{{claim}} can only bind a pre-made PersistentVolume ({{why}}), and no PersistentVolume in the input matches it',
  },
  check({ objects, report, options }) {
    const defaultClass = defaultStorageClass(objects);
    for (const claim of claimsOf(objects)) {
      // A claim naming its volume is pv-claim-mismatch's concern.
      if (typeof claim.spec.volumeName === 'string' && claim.spec.volumeName !== '') continue;
      const reason = needsStaticVolume(objects, claim, defaultClass !== undefined || options.clusterHasDefaultClass);
      if (reason === undefined) continue;
      const claimClass = effectiveClaimClass(claim, defaultClass);
      const match = matchingVolume(objects, claim, claimClass);
      const data = { claim: describeClaim(claim), reason: reason.reason, why: reason.why };
      if (match && !claim.template && !boundVolumeOf(objects, claim)) {
        // A volume binds one claim: the volumes it could bind went to other claims first.
        const holder = staticBindings(objects).get(match);
        const by = holder ? `${describeClaim(holder)}${holder.namespace === claim.namespace ? '' : ` in namespace "${holder.namespace}"`}` : 'another claim';
        report(claim.owner, reason.path, 'boundElsewhere', { ...data, volume: match.name, holder: by }, {
          related: holder ? [{ object: holder.owner, path: holder.specPath, message: `${describeClaim(holder)} binds PersistentVolume "${match.name}"` }] : [],
        });
        continue;
      }
      if (match) continue;
      report(claim.owner, reason.path, 'noMatch', data);
    }
  },
});

/**
 * Why only a static volume can satisfy the claim (`reason` names the case for message data, `why`
 * says it), or undefined when a provisioner may make one.
 */
function needsStaticVolume(objects: ObjectSet, claim: Claim, hasDefaultClass: boolean): { reason: string; why: string; path: string } | undefined {
  const named = storageClassNameOf(claim.spec, claim.annotations);
  if (claim.spec.selector !== undefined && claim.spec.selector !== null) return { reason: 'selector', why: 'it has a spec.selector, which provisioners do not serve', path: `${claim.specPath}.selector` };
  if (named === '') return { reason: 'emptyClass', why: 'storageClassName is "", so nothing provisions it', path: `${claim.specPath}.storageClassName` };
  if (named === undefined) return hasDefaultClass ? undefined : { reason: 'noDefaultClass', why: 'it names no StorageClass and the cluster has no default class', path: claim.specPath };
  const sc = objects.find('StorageClass', null, named);
  if (sc?.body.provisioner === NO_PROVISIONER) return { reason: 'noProvisioner', why: `StorageClass "${named}" has provisioner ${NO_PROVISIONER}`, path: `${claim.specPath}.storageClassName` };
  return undefined;
}
