import { ruleTester } from '../helpers/rule-tester.js';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  serviceAccountName: app\n  containers: [{name: app, envFrom: [{configMapRef: {name: used}}]}]\n---\n';

ruleTester('orphan-object', {
  valid: [
    { name: 'ConfigMap and ServiceAccount used by a Pod', yaml: `${pod}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: used}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n` },
    { name: 'cluster-managed objects', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kube-root-ca.crt}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: tok}\ntype: kubernetes.io/service-account-token\n' },
    { name: 'TLS Secret named by an Ingress, pull Secret named by a ServiceAccount', yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec: {tls: [{secretName: web-tls}]}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: web-tls}\ntype: kubernetes.io/tls\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder}\nimagePullSecrets: [{name: regcred}]\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: regcred}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nroleRef: {kind: ClusterRole, name: view}\nsubjects: [{kind: ServiceAccount, name: builder}]\n' },
  ],
  invalid: [
    {
      name: 'unused ConfigMap and PVC',
      yaml: `${pod}apiVersion: v1\nkind: ConfigMap\nmetadata: {name: used}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config-v1\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: old-data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`,
      findings: [
        { line: 19, column: 3, messageId: 'unused', data: { kind: 'ConfigMap', name: 'app-config-v1', namespace: 'default' } },
        { line: 23, messageId: 'unused', data: { kind: 'PersistentVolumeClaim', name: 'old-data', namespace: 'default' } },
      ],
    },
  ],
});
