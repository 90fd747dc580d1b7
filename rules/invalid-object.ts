import { defineRule, loadProblemRule } from '../src/rule-api.js';

export default defineRule({
  id: 'invalid-object',
  family: 'parse',
  severity: 'error',
  presets: ['recommended'],
  description: 'A YAML document that is not a Kubernetes object (not a mapping, or no apiVersion, kind or metadata.name)',
  docs: {
    why: 'The API server needs apiVersion and kind to know what the object is and metadata.name to store it; kubectl apply refuses the file.',
    fix: 'Add the missing field, or remove the document if it is not meant to be applied.',
    bad: 'kind: ConfigMap\nmetadata:\n  name: settings\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
  },
  ...loadProblemRule('not-a-mapping', 'missing-fields', 'name-not-string'),
});
