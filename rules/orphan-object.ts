import { defineRule, type K8sObject } from '../src/rule-api.js';

const KINDS = ['ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ServiceAccount'];

/** Objects the cluster itself uses or fills, whatever the manifests say. */
function usedByTheCluster(obj: K8sObject): boolean {
  if (obj.kind === 'ConfigMap') return obj.name === 'kube-root-ca.crt';
  if (obj.kind === 'ServiceAccount') return obj.name === 'default';
  if (obj.kind === 'Secret') return obj.body.type === 'kubernetes.io/service-account-token';
  return false;
}

export default defineRule({
  id: 'orphan-object',
  family: 'relationships',
  severity: 'info',
  presets: ['strict'],
  description: 'A ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount that nothing in the input uses',
  docs: {
    why: 'Configuration, credentials and claims that no Pod, Ingress, ServiceAccount or binding references are often left over from a rename: the workload reads another (perhaps stale) object, and the orphan keeps a Secret or a paid volume alive for nothing. Some are used from outside the manifests (by an operator, a CI job), hence info in the strict preset only.',
    fix: 'Delete the object, or reference it where it was meant to be used. Service account token Secrets, TLS Secrets named by an Ingress, the "default" ServiceAccount and kube-root-ca.crt are never reported.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config-v1}\ndata: {LOG_LEVEL: info}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    envFrom: [{configMapRef: {name: app-config-v2}}]\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config-v2}\ndata: {LOG_LEVEL: info}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    envFrom: [{configMapRef: {name: app-config-v2}}]\n',
  },
  messages: {
    unused: '{{kind}} "{{name}}" is used by nothing in the input (no Pod, Ingress, ServiceAccount or binding names it in namespace "{{namespace}}")',
  },
  check({ objects, graph, report }) {
    for (const kind of KINDS) {
      for (const obj of objects.ofKind(kind)) {
        const node = graph.nodeOf(obj);
        if (!node || usedByTheCluster(obj) || graph.inEdges(node.id).length > 0) continue;
        report(obj, 'metadata.name', 'unused', { kind, name: obj.name, namespace: obj.namespace ?? '' });
      }
    }
  },
});
