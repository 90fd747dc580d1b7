import { ASSUME_EXISTING_SCHEMA, existsOutside, defineRule, findProduced, gatewayCertificateRefs, gatewaysOf, ingressTlsSecrets, MISSING_REFERENCE_MESSAGES, reportMissingPodReferences, type AssumeExistingOptions } from '../src/rule-api.js';

/** Annotations that make cert-manager create the TLS Secrets of an Ingress or a Gateway. */
const CERT_MANAGER_ANNOTATIONS = ['cert-manager.io/issuer', 'cert-manager.io/cluster-issuer'];

export default defineRule<AssumeExistingOptions>({
  id: 'missing-secret',
  family: 'relationships',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Pod template, Ingress or Gateway names a Secret that is not in the input',
  docs: {
    why: 'A Pod whose secret volume, envFrom, secretKeyRef or imagePullSecrets names a Secret that does not exist does not start (or cannot pull its image); an Ingress whose TLS Secret is missing serves the controller\'s default certificate; a Gateway listener whose certificateRefs Secret is missing is not programmed (its ResolvedRefs condition says InvalidCertificateRef), so it serves no TLS at all.',
    fix: 'Add the Secret (or the tool that makes it, e.g. a cert-manager Certificate or an ExternalSecret), correct the name, or mark the reference `optional: true`. Secrets made outside these manifests can be listed in the `assumeExisting` option ("*-tls", "prod/db-credentials").',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom: {secretKeyRef: {name: db-credentials, key: password}}\n',
    good: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db-credentials}\nstringData: {password: change-me}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    env:\n    - name: DB_PASSWORD\n      valueFrom: {secretKeyRef: {name: db-credentials, key: password}}\n',
  },
  messages: {
    ...MISSING_REFERENCE_MESSAGES,
    tlsSecretMissing: 'Ingress "{{name}}" serves TLS with Secret "{{secret}}", which is not in the input (namespace "{{namespace}}") and no cert-manager issuer annotation makes it',
    certificateMissing: 'Gateway "{{name}}" names certificate Secret "{{secret}}" in namespace "{{namespace}}", which is not in the input and no cert-manager issuer annotation makes it, so the listener is not programmed',
  },
  options: ASSUME_EXISTING_SCHEMA,
  defaultOptions: { assumeExisting: [] },
  check(ctx) {
    reportMissingPodReferences(ctx, 'Secret');
    const { objects, report } = ctx;
    // in the input, made by a controller (cert-manager, External Secrets…), or in the cluster
    const secretExists = (namespace: string | null, name: string) => !!objects.find('Secret', namespace, name) || !!findProduced(objects, 'Secret', namespace, name) || existsOutside(ctx, 'Secret', namespace, name);
    for (const ingress of objects.ofKind('Ingress')) {
      if (CERT_MANAGER_ANNOTATIONS.some((a) => Object.hasOwn(ingress.annotations, a))) continue;
      for (const tls of ingressTlsSecrets(ingress)) {
        if (secretExists(ingress.namespace, tls.name)) continue;
        report(ingress, tls.path, 'tlsSecretMissing', { name: ingress.name, secret: tls.name, namespace: ingress.namespace ?? '' });
      }
    }
    for (const gateway of gatewaysOf(objects)) {
      if (CERT_MANAGER_ANNOTATIONS.some((a) => Object.hasOwn(gateway.annotations, a))) continue;
      for (const ref of gatewayCertificateRefs(gateway)) {
        if (ref.kind !== 'Secret' || ref.group !== '') continue;
        if (secretExists(ref.namespace, ref.name)) continue;
        report(gateway, ref.namePath, 'certificateMissing', { name: gateway.name, secret: ref.name, namespace: ref.namespace });
      }
    }
  },
});
