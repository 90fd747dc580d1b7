import { accessModesOf, claimNameOf, defineRule, isPlainObject, podTemplateOf, podVolumes, type K8sObject, type PodTemplate } from '../src/rule-api.js';

interface ClaimUse {
  template: PodTemplate;
  /** Field path of the volume's claimName. */
  path: string;
}

const SINGLE_WRITER = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

export default defineRule({
  id: 'rwo-volume-shared',
  family: 'volumes',
  severity: 'warning',
  presets: ['strict'],
  description: 'A ReadWriteOnce or ReadWriteOncePod claim mounted by a multi-replica workload or by several workloads',
  docs: {
    why: 'A ReadWriteOnce volume attaches to one node at a time: Pods on any other node fail with a Multi-Attach error and stay in ContainerCreating, so replicas or workloads sharing the claim only work while the scheduler happens to put them on one node. A ReadWriteOncePod volume admits a single Pod in the whole cluster, so a second Pod can never start (reported as an error). StatefulSet volumeClaimTemplates give each replica its own claim and are not affected.',
    fix: 'Give each replica its own claim (a StatefulSet with volumeClaimTemplates), run a single replica, or use a storage class that offers ReadWriteMany and ask for that mode.',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: registry.example.com/web:1.4.2\n        volumeMounts: [{name: data, mountPath: /data}]\n      volumes:\n      - name: data\n        persistentVolumeClaim: {claimName: data}\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n',
    good: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  replicas: 3\n  serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: registry.example.com/web:1.4.2\n        volumeMounts: [{name: data, mountPath: /data}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 10Gi}}\n',
  },
  messages: {
    replicas: '{{kind}} "{{name}}" runs {{replicas}} replicas but mounts ReadWriteOnce claim "{{claim}}", which attaches to one node at a time, so Pods on other nodes cannot start',
    replicasOncePod: '{{kind}} "{{name}}" runs {{replicas}} replicas but mounts ReadWriteOncePod claim "{{claim}}", which only one Pod in the cluster may use',
    everyNode: '{{kind}} "{{name}}" runs a Pod on every node but mounts ReadWriteOnce claim "{{claim}}", which attaches to one node at a time, so Pods on other nodes cannot start',
    everyNodeOncePod: '{{kind}} "{{name}}" runs a Pod on every node but mounts ReadWriteOncePod claim "{{claim}}", which only one Pod in the cluster may use',
    shared: 'ReadWriteOnce claim "{{claim}}" is mounted by {{users}}; it attaches to one node at a time, so Pods on other nodes cannot start',
    sharedOncePod: 'ReadWriteOncePod claim "{{claim}}" is mounted by {{users}}; only one Pod in the cluster may use it',
  },
  check({ objects, report }) {
    const uses = new Map<string, ClaimUse[]>();
    for (const obj of objects) {
      if (obj.kind === 'PodTemplate') continue;
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const volume of podVolumes(template)) {
        const claimName = claimNameOf(volume.volume);
        if (claimName === undefined) continue;
        const key = `${template.namespace}/${claimName}`;
        const list = uses.get(key) ?? [];
        // One Pod listing the claim twice is still one Pod.
        if (!list.some((u) => u.template === template)) list.push({ template, path: `${volume.path}.persistentVolumeClaim.claimName` });
        uses.set(key, list);
      }
    }
    for (const pvc of objects.ofKind('PersistentVolumeClaim')) {
      const modes = accessModesOf(isPlainObject(pvc.body.spec) ? pvc.body.spec : {});
      if (modes.length === 0 || !modes.every((m) => SINGLE_WRITER.has(m))) continue;
      const users = uses.get(`${pvc.namespace ?? ''}/${pvc.name}`) ?? [];
      const oncePod = modes.includes('ReadWriteOncePod');
      const severity = oncePod ? 'error' : undefined;
      for (const use of users) {
        const { replicas, owner } = use.template;
        if (!(replicas > 1)) continue;
        const data = { kind: owner.kind, name: owner.name, claim: pvc.name };
        // A DaemonSet's count is the number of nodes (Infinity).
        if (Number.isFinite(replicas)) report(owner, use.path, oncePod ? 'replicasOncePod' : 'replicas', { ...data, replicas }, { severity, related: [relatedClaim(pvc)] });
        else report(owner, use.path, oncePod ? 'everyNodeOncePod' : 'everyNode', data, { severity, related: [relatedClaim(pvc)] });
      }
      if (users.length > 1) {
        const names = users.map((u) => `${u.template.owner.kind} "${u.template.owner.name}"`);
        report(pvc, 'spec.accessModes', oncePod ? 'sharedOncePod' : 'shared', { claim: pvc.name, users: names.join(', ') }, {
          severity,
          related: users.map((u) => ({ object: u.template.owner, path: u.path, message: 'mounts the claim' })),
        });
      }
    }
  },
});

function relatedClaim(pvc: K8sObject) {
  return { object: pvc, path: 'spec.accessModes', message: 'the claim\'s access modes' };
}
