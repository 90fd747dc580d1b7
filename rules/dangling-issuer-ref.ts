import { ASSUME_EXISTING_SCHEMA, assumedToExist, defineRule, issuerReferrers, issuerRefsOf, type AssumeExistingOptions } from '../src/rule-api.js';

export default defineRule<AssumeExistingOptions>({
  id: 'dangling-issuer-ref',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A cert-manager Certificate (or an Ingress/Gateway issuer annotation) names an Issuer or ClusterIssuer that is not in the input',
  messages: {
    noIssuer: '{{kind}} "{{name}}" asks Issuer "{{issuer}}" for its certificate, and namespace "{{namespace}}" of the input has no such Issuer',
    noClusterIssuer: '{{kind}} "{{name}}" asks ClusterIssuer "{{issuer}}" for its certificate, and the input has no such ClusterIssuer',
  },
  docs: {
    why: 'cert-manager issues a certificate only through the Issuer (same namespace) or ClusterIssuer its `issuerRef` names. When that issuer does not exist the Certificate stays not Ready, its Secret is never written, and whatever serves TLS from it fails. An Issuer in another namespace does not count.',
    fix: 'Correct `spec.issuerRef.name` and `kind` (`Issuer` for one in the Certificate\'s namespace, `ClusterIssuer` for a cluster-wide one), or add the issuer. Issuers made outside these manifests can be listed in the `assumeExisting` option ("letsencrypt-*").',
    bad: 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt-prod}\nspec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n    privateKeySecretRef: {name: letsencrypt-prod}\n    solvers: [{http01: {ingress: {ingressClassName: nginx}}}]\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: shop}\nspec:\n  secretName: shop-tls\n  dnsNames: [shop.example.com]\n  issuerRef: {name: letsencrypt-prod}\n',
    good: 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt-prod}\nspec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n    privateKeySecretRef: {name: letsencrypt-prod}\n    solvers: [{http01: {ingress: {ingressClassName: nginx}}}]\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: shop}\nspec:\n  secretName: shop-tls\n  dnsNames: [shop.example.com]\n  issuerRef: {name: letsencrypt-prod, kind: ClusterIssuer}\n',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check({ objects, options, report }) {
    for (const obj of issuerReferrers(objects)) {
      for (const ref of issuerRefsOf(obj)) {
        if (objects.find(ref.kind, ref.namespace, ref.name) || assumedToExist(options.assumeExisting, ref.namespace, ref.name)) continue;
        report(obj, ref.path, ref.kind === 'Issuer' ? 'noIssuer' : 'noClusterIssuer', { kind: obj.kind, name: obj.name, issuer: ref.name, namespace: obj.namespace ?? '' });
      }
    }
  },
});
