import { ruleTester } from '../helpers/rule-tester.js';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: app, namespace: shop}\nspec:\n${spec}`;
const ingress = (annotations: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: shop\n  annotations: {${annotations}}\nspec:\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n`;
const gateway = (annotations: string, ref = '{name: shop-tls}') => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: public\n  namespace: shop\n  annotations: {${annotations}}\nspec:\n  gatewayClassName: example\n  listeners:\n  - name: https\n    protocol: HTTPS\n    port: 443\n    tls:\n      certificateRefs:\n      - ${ref}\n`;
const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: shop, namespace: shop}\nspec:\n  secretName: shop-tls\n  dnsNames: [shop.example.com]\n  issuerRef: {name: letsencrypt, kind: ClusterIssuer}\n---\n';

ruleTester('missing-secret', {
  valid: [
    { name: 'Secret in the input', yaml: `apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\nstringData: {password: x}\n---\n${pod('  containers: [{name: app, envFrom: [{secretRef: {name: db}}]}]\n')}` },
    { name: 'optional secret volume', yaml: pod('  containers: [{name: app}]\n  volumes:\n  - name: s\n    secret: {secretName: extra, optional: true}\n') },
    { name: 'TLS Secret made by cert-manager', yaml: ingress('cert-manager.io/cluster-issuer: letsencrypt') },
    { name: 'TLS Secret assumed to exist', yaml: ingress(''), options: { assumeExisting: ['*-tls'] } },
    { name: 'a Gateway certificate that a cert-manager Certificate makes', yaml: certificate + gateway('') },
    { name: 'a Gateway annotated for cert-manager\'s gateway-shim', yaml: gateway('cert-manager.io/issuer: letsencrypt') },
    { name: 'a Gateway certificateRef to another kind than Secret is not ours to judge', yaml: gateway('', '{group: example.com, kind: Vault, name: shop-tls}') },
  ],
  invalid: [
    {
      name: 'a Gateway listener whose certificate Secret is missing',
      yaml: gateway(''),
      findings: [{ line: 15, column: 10, messageId: 'certificateMissing', data: { name: 'public', secret: 'shop-tls', namespace: 'shop' } }],
    },
    {
      name: 'a Gateway certificate in another namespace',
      yaml: certificate + gateway('', '{name: shop-tls, namespace: certs}'),
      findings: [{ line: 23, messageId: 'certificateMissing', data: { secret: 'shop-tls', namespace: 'certs' } }],
    },
    {
      name: 'secret volume, secretKeyRef and imagePullSecrets',
      yaml: pod('  imagePullSecrets: [{name: regcred}]\n  containers:\n  - name: app\n    env:\n    - name: PASSWORD\n      valueFrom: {secretKeyRef: {name: db, key: password}}\n  volumes:\n  - name: certs\n    secret: {secretName: certs}\n'),
      findings: [
        // the kubelet still pulls public images without the pull Secret: a warning
        { line: 5, column: 23, messageId: 'refersToMissing', data: { kind: 'Pod', name: 'app', targetKind: 'Secret', target: 'regcred', namespace: 'shop' }, severity: 'warning' },
        { line: 10, messageId: 'refersToMissing', data: { target: 'db' }, severity: 'error' },
        { line: 13, messageId: 'mountsMissing', data: { target: 'certs' }, severity: 'error' },
      ],
    },
    {
      name: 'a custom resource of an unknown kind may make the Secret (info)',
      yaml: 'apiVersion: db.example.com/v1\nkind: PostgresCluster\nmetadata: {name: pg-main, namespace: shop}\n---\n' + pod('  containers: [{name: app, envFrom: [{secretRef: {name: pg-main-app}}]}]\n'),
      findings: [{ line: 9, messageId: 'refersToMissingMaybeMade', data: { target: 'pg-main-app', makers: 'PostgresCluster "pg-main"' }, severity: 'info' }],
    },
    { name: 'TLS Secret of an Ingress', yaml: ingress(''), findings: [{ line: 10, column: 5, messageId: 'tlsSecretMissing', data: { name: 'web', secret: 'shop-tls', namespace: 'shop' } }] },
  ],
});
