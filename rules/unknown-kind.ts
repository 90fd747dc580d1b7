import { defineRule, schemaRegistryFor } from '../src/rule-api.js';

export default defineRule({
  id: 'unknown-kind',
  family: 'schema',
  severity: 'warning',
  locality: 'object-and-crds',
  presets: ['recommended'],
  description: 'No schema is known for the object\'s apiVersion and kind, so it is not validated (an error for a kind unknown in a built-in API group)',
  docs: {
    why: 'kubeknit can only check fields against a schema. A misspelt kind or apiVersion is rejected by the API server; a custom resource whose CRD is not installed cannot be created. It is a warning, not an error: a custom resource of a group whose CRD lives elsewhere (Istio, Gateway API) may be valid, but its fields went unchecked. A kind unknown in a group Kubernetes itself serves (`v1`, `apps/v1`, `batch/v1`…) is an error: no CRD can add it, and the API server answers "no matches for kind". A custom resource whose CRD in the input has a schema that cannot be compiled is checked without it, with a warning.',
    fix: 'Correct the kind or apiVersion, include the CustomResourceDefinition in the linted files, or point --schema-location at a folder of schemas ({group}/{kind}_{version}.json). --ignore-missing-schemas silences this rule.',
    bad: 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n',
  },
  messages: {
    notInBuiltInGroup: '{{apiVersion}} has no kind "{{kind}}" in Kubernetes {{version}}, and no CustomResourceDefinition can add one to a built-in API group',
    notInBuiltInGroupDidYouMean: '{{apiVersion}} has no kind "{{kind}}" in Kubernetes {{version}}, and no CustomResourceDefinition can add one to a built-in API group; did you mean kind "{{suggestion}}"?',
    noSchema: 'no schema for {{apiVersion}} {{kind}} in Kubernetes {{version}} nor in the CRDs and schema locations given; include its CustomResourceDefinition or add a --schema-location',
    noSchemaDidYouMean: 'no schema for {{apiVersion}} {{kind}} in Kubernetes {{version}} nor in the CRDs and schema locations given; did you mean kind "{{suggestion}}"?',
    crdSchemaBroken: 'the schema of the CustomResourceDefinition "{{crd}}" cannot be used ({{reason}}), so {{kind}} "{{name}}" was checked without it',
    notYetServed: '{{apiVersion}} {{kind}} is not served by Kubernetes {{version}}; it is served from {{firstServed}}',
    crdVersionNotServed: 'the CustomResourceDefinition "{{crd}}" does not serve version {{requestedVersion}} of {{kind}}; it serves {{served}}',
    crdServesNoVersion: 'the CustomResourceDefinition "{{crd}}" does not serve version {{requestedVersion}} of {{kind}}; it serves no version',
  },
  check({ objects, settings, report }) {
    if (settings.ignoreMissingSchemas) return;
    const registry = schemaRegistryFor(objects, settings);
    const version = registry.kubernetesVersion;
    for (const obj of objects) {
      const lookup = registry.lookup(obj);
      const data = { apiVersion: obj.apiVersion, kind: obj.kind, version };
      if (lookup.status === 'missing' && lookup.builtInGroup) {
        // No CRD can add a kind to a group Kubernetes serves: the API server answers "no matches for kind".
        if (lookup.suggestion) report(obj, 'kind', 'notInBuiltInGroupDidYouMean', { ...data, suggestion: lookup.suggestion }, { severity: 'error' });
        else report(obj, 'kind', 'notInBuiltInGroup', data, { severity: 'error' });
      } else if (lookup.status === 'missing') {
        if (lookup.suggestion) report(obj, 'kind', 'noSchemaDidYouMean', { ...data, suggestion: lookup.suggestion });
        else report(obj, 'kind', 'noSchema', data);
      } else if (lookup.status === 'crd-schema-broken') {
        report(obj, 'apiVersion', 'crdSchemaBroken', { crd: lookup.crd.name, reason: lookup.reason, kind: obj.kind, name: obj.name }, {
          related: [{ object: lookup.crd, path: 'spec.versions', message: 'the CustomResourceDefinition' }],
        });
      } else if (lookup.status === 'not-yet') {
        report(obj, 'apiVersion', 'notYetServed', { ...data, firstServed: lookup.firstServed });
      } else if (lookup.status === 'crd-version-not-served') {
        const crdData = { crd: lookup.crd.name, requestedVersion: obj.version, kind: obj.kind };
        const related = [{ object: lookup.crd, path: 'spec.versions', message: 'the CustomResourceDefinition' }];
        if (lookup.versions.length) report(obj, 'apiVersion', 'crdVersionNotServed', { ...crdData, served: lookup.versions.join(', ') }, { related });
        else report(obj, 'apiVersion', 'crdServesNoVersion', crdData, { related });
      }
    }
  },
});
