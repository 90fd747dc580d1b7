import { ASSUME_EXISTING_SCHEMA, existsOutside, claimNameOf, defineRule, describeResources, likelyMaker, podTemplateOf, podVolumes, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'missing-pvc',
  family: 'volumes',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod volume names a PersistentVolumeClaim that is not in the input',
  docs: {
    why: 'A Pod whose persistentVolumeClaim volume names a claim that does not exist in its namespace stays Pending ("persistentvolumeclaim not found") and its workload never starts. Claims are namespaced: a claim of the same name in another namespace does not count.',
    fix: 'Add the PersistentVolumeClaim to the manifests (in the Pod\'s namespace), correct claimName, or, for a StatefulSet, use volumeClaimTemplates. When the claim is created outside these manifests, list it in the rule option "assumeExisting" ("name" or "namespace/name").',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers:\n  - name: db\n    image: postgres:16.4\n    volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]\n  volumes:\n  - name: data\n    persistentVolumeClaim: {claimName: data-pvc}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: db}\nspec:\n  containers:\n  - name: db\n    image: postgres:16.4\n    volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]\n  volumes:\n  - name: data\n    persistentVolumeClaim: {claimName: data-pvc}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data-pvc}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n',
  },
  messages: {
    claimMissing: 'volume "{{volume}}" uses PersistentVolumeClaim "{{claim}}", which is not in namespace "{{namespace}}" in the input',
    claimMissingMaybeMade: 'volume "{{volume}}" uses PersistentVolumeClaim "{{claim}}", which is not in namespace "{{namespace}}" in the input; {{makers}}, a custom resource kubeknit does not know, may make it',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, report, options, settings }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const volume of podVolumes(template)) {
        const claimName = claimNameOf(volume.volume);
        if (claimName === undefined || objects.find('PersistentVolumeClaim', template.namespace, claimName)) continue;
        if (existsOutside({ options, settings }, 'PersistentVolumeClaim', template.namespace, claimName)) continue;
        const data = { volume: volume.name, claim: claimName, namespace: template.namespace };
        const maker = likelyMaker(objects, template.namespace, claimName);
        if (maker) report(obj, `${volume.path}.persistentVolumeClaim.claimName`, 'claimMissingMaybeMade', { ...data, makers: describeResources([maker]) }, { severity: 'info' });
        else report(obj, `${volume.path}.persistentVolumeClaim.claimName`, 'claimMissing', data);
      }
    }
  },
});
