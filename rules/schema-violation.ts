import { defineRule, SCHEMA_MESSAGES, schemaIssues, schemaRegistryFor } from '../src/rule-api.js';

export default defineRule({
  id: 'schema-violation',
  family: 'schema',
  severity: 'error',
  locality: 'object-and-crds',
  presets: ['recommended'],
  fixable: 'problem',
  description: 'A field the Kubernetes API (or a CRD) does not accept: unknown, wrong type, bad value, missing, a duplicate list entry, or a failed CEL rule',
  docs: {
    why: 'The API server rejects the object (kubectl apply --validate=strict fails on unknown fields), or silently drops a misspelt field so the setting you wrote never takes effect. Checking against the schema of the target Kubernetes version finds this before deploy time.',
    fix: 'Correct the field at the line shown: the message names the expected type, the allowed values or the closest known field name. Pick the Kubernetes version with --kube-version; validate custom resources by including their CRD or pointing --schema-location at a schema folder.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    imagePullPolice: Always\n    ports:\n    - containerPort: "http"\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    imagePullPolicy: Always\n    ports:\n    - containerPort: 8080\n',
  },
  messages: SCHEMA_MESSAGES,
  check({ objects, settings, report }) {
    const registry = schemaRegistryFor(objects, settings);
    for (const obj of objects) {
      for (const issue of schemaIssues(registry, obj, settings.schemaCache)) report(obj, issue.path, issue.messageId, issue.data, issue.fix ? { fix: issue.fix } : undefined);
    }
  },
});
