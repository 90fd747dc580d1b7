import { defineRule, schemaRegistryFor } from '../src/rule-api.js';

export default defineRule({
  id: 'unknown-kind',
  family: 'schema',
  severity: 'warning',
  locality: 'object-and-crds',
  presets: ['recommended'],
  description: 'No schema is known for the object\'s apiVersion and kind, so it is not validated',
  docs: {
    why: 'kubeknit can only check fields against a schema. A misspelt kind or apiVersion is rejected by the API server; a custom resource whose CRD is not installed cannot be created. It is a warning, not an error: a custom resource of a group whose CRD lives elsewhere (Istio, Gateway API) may be valid, but its fields went unchecked.',
    fix: 'Correct the kind or apiVersion, include the CustomResourceDefinition in the linted files, or point --schema-location at a folder of schemas ({group}/{kind}_{version}.json). --ignore-missing-schemas silences this rule.',
    bad: 'apiVersion: apps/v1\nkind: Deploymnet\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\n',
  },
  check({ objects, settings, report }) {
    if (settings.ignoreMissingSchemas) return;
    const registry = schemaRegistryFor(objects, settings);
    const version = registry.kubernetesVersion;
    for (const obj of objects) {
      const lookup = registry.lookup(obj);
      if (lookup.status === 'missing') {
        const hint = lookup.suggestion ? `; did you mean kind "${lookup.suggestion}"?` : '; include its CustomResourceDefinition or add a --schema-location';
        report(obj, 'kind', `no schema for ${obj.apiVersion} ${obj.kind} in Kubernetes ${version} nor in the CRDs and schema locations given${hint}`);
      } else if (lookup.status === 'not-yet') {
        report(obj, 'apiVersion', `${obj.apiVersion} ${obj.kind} is not served by Kubernetes ${version}; it is served from ${lookup.firstServed}`);
      } else if (lookup.status === 'crd-version-not-served') {
        const served = lookup.versions.length ? `it serves ${lookup.versions.join(', ')}` : 'it serves no version';
        report(obj, 'apiVersion', `the CustomResourceDefinition "${lookup.crd.name}" does not serve version ${obj.version} of ${obj.kind}; ${served}`, undefined, {
          related: [{ object: lookup.crd, path: 'spec.versions', message: 'the CustomResourceDefinition' }],
        });
      }
    }
  },
});
