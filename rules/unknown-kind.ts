import { defineRule, schemaRegistryFor } from '../src/rule-api.js';

export default defineRule({
  id: 'unknown-kind',
  family: 'schema',
  severity: 'warning',
  locality: 'object-and-crds',
  presets: ['recommended'],
  description: 'No schema is known for the object\'s apiVersion and kind, so it is not validated (an error for a kind unknown in a built-in API group)',
  docs: {
    why: 'kubeknit can only check fields against a schema. A misspelt kind or apiVersion is rejected by the API server; a custom resource whose CRD is not installed cannot be created. It is a warning, not an error: a custom resource of a group whose CRD lives elsewhere (Istio, Gateway API) may be valid, but its fields went unchecked. A kind unknown in a group Kubernetes itself serves (`v1`, `apps/v1`, `batch/v1`…) is an error: no CRD can add it, and the API server answers "no matches for kind". A schema file from --schema-location that is not JSON or cannot be compiled leaves its kind without a schema, with this warning on each object. A CRD in the input whose schema cannot be compiled is reported once, at the CRD, by invalid-crd-schema.',
    fix: 'Correct the kind or apiVersion, include the CustomResourceDefinition in the linted files, or point --schema-location at a folder of schemas ({group}/{kind}_{version}.json). --ignore-missing-schemas silences this rule.',
    bad: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n',
  },
  check({ objects, settings, report }) {
    if (settings.ignoreMissingSchemas) return;
    const registry = schemaRegistryFor(objects, settings);
    const version = registry.kubernetesVersion;
    for (const obj of objects) {
      const lookup = registry.lookup(obj);
      if (lookup.status === 'missing' && lookup.builtInGroup) {
        // No CRD can add a kind to a group Kubernetes serves: the API server answers "no matches for kind".
        const hint = lookup.suggestion ? `; did you mean kind "${lookup.suggestion}"?` : '';
        report(obj, 'kind', `${obj.apiVersion} has no kind "${obj.kind}" in Kubernetes ${version}, and no CustomResourceDefinition can add one to a built-in API group${hint}`, undefined, { severity: 'error' });
      } else if (lookup.status === 'missing') {
        const hint = lookup.suggestion ? `; did you mean kind "${lookup.suggestion}"?` : '; include its CustomResourceDefinition or add a --schema-location';
        report(obj, 'kind', `no schema for ${obj.apiVersion} ${obj.kind} in Kubernetes ${version} nor in the CRDs and schema locations given${hint}`);
      } else if (lookup.status === 'schema-file-broken') {
        // The user's own schema file, not the object, is at fault: the object is checked without it, as without any schema.
        report(obj, 'kind', `the schema file ${lookup.file} for ${obj.apiVersion} ${obj.kind} cannot be used (${lookup.reason}), so the object was not validated against it; fix the file or its --schema-location`);
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
