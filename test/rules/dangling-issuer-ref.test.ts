import { ruleTester } from '../helpers/rule-tester.js';

const issuer = 'apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: ca, namespace: shop}\nspec:\n  ca: {secretName: ca-key-pair}\n---\n';
const clusterIssuer = 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt}\nspec:\n  selfSigned: {}\n---\n';
const certificate = (ref: string, ns = 'shop') => `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  secretName: web-tls\n  dnsNames: [web.example.com]\n  issuerRef:\n${ref}`;

ruleTester('dangling-issuer-ref', {
  valid: [
    { name: 'an Issuer of its namespace (kind defaults to Issuer)', yaml: issuer + certificate('    name: ca\n') },
    { name: 'a ClusterIssuer', yaml: clusterIssuer + certificate('    {name: letsencrypt, kind: ClusterIssuer, group: cert-manager.io}\n') },
    { name: 'an external issuer of another group', yaml: certificate('    {name: pca, kind: AWSPCAClusterIssuer, group: awspca.cert-manager.io}\n') },
    { name: 'an issuer assumed to exist', yaml: certificate('    {name: letsencrypt-prod, kind: ClusterIssuer}\n'), options: { assumeExisting: ['letsencrypt-*'] } },
    { name: 'an Ingress annotation naming an existing ClusterIssuer', yaml: `${clusterIssuer}apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations: {cert-manager.io/cluster-issuer: letsencrypt}\nspec:\n  tls: [{hosts: [web.example.com], secretName: web-tls}]\n` },
  ],
  invalid: [
    {
      name: 'an Issuer of another namespace does not count',
      yaml: issuer + certificate('    name: ca\n', 'blog'),
      findings: [{ line: 14, column: 5, message: 'Certificate "web" asks Issuer "ca" for its certificate, and namespace "blog" of the input has no such Issuer' }],
    },
    {
      name: 'an Issuer named where a ClusterIssuer is meant',
      yaml: clusterIssuer + certificate('    name: letsencrypt\n'),
      findings: [{ line: 14, message: 'Issuer "letsencrypt"' }],
    },
    {
      name: 'a missing ClusterIssuer in an Ingress annotation',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt-prd\nspec:\n  tls: [{hosts: [web.example.com], secretName: web-tls}]\n',
      findings: [{ line: 6, message: 'Ingress "web" asks ClusterIssuer "letsencrypt-prd"' }],
    },
  ],
});
