import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, findProduced, ingressTlsSecrets, MISSING_REFERENCE_MESSAGES, reportMissingPodReferences, type AssumeExistingOptions } from '../src/rule-api.js';

/** Annotations that make cert-manager create an Ingress's TLS Secrets. */
const CERT_MANAGER_ANNOTATIONS = ['cert-manager.io/issuer', 'cert-manager.io/cluster-issuer'];

export default defineRule<AssumeExistingOptions>({
  id: 'missing-secret',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template or Ingress names a Secret that is not in the input',
  docs: {
    why: 'A Pod whose secret volume, envFrom, secretKeyRef or imagePullSecrets names a Secret that does not exist does not start (or cannot pull its image); an Ingress whose TLS Secret is missing serves the controller\'s default certificate.',
    fix: 'Add the Secret (or the tool that makes it, e.g. a cert-manager Certificate or an ExternalSecret), correct the name, or mark the reference `optional: true`. Secrets made outside these manifests can be listed in the `assumeExisting` option ("*-tls", "prod/db-credentials").',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom: {secretKeyRef: {name: db-credentials, key: password}}\n',
    good: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db-credentials}\nstringData: {password: change-me}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom: {secretKeyRef: {name: db-credentials, key: password}}\n',
  },
  messages: {
    ...MISSING_REFERENCE_MESSAGES,
    tlsSecretMissing: 'Ingress "{{name}}" serves TLS with Secret "{{secret}}", which is not in the input (namespace "{{namespace}}") and no cert-manager issuer annotation makes it',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check(ctx) {
    reportMissingPodReferences(ctx, 'Secret');
    const { objects, report } = ctx;
    for (const ingress of objects.ofKind('Ingress')) {
      if (CERT_MANAGER_ANNOTATIONS.some((a) => Object.hasOwn(ingress.annotations, a))) continue;
      for (const tls of ingressTlsSecrets(ingress)) {
        if (objects.find('Secret', ingress.namespace, tls.name) || findProduced(objects, 'Secret', ingress.namespace, tls.name) || existsOutside(ctx, 'Secret', ingress.namespace, tls.name)) continue;
        report(ingress, tls.path, 'tlsSecretMissing', { name: ingress.name, secret: tls.name, namespace: ingress.namespace ?? '' });
      }
    }
  },
});
