import { defineRule, loadProblemRule } from '../src/rule-api.js';

export default defineRule({
  id: 'unrendered-template',
  family: 'parse',
  severity: 'error',
  presets: ['recommended'],
  description: 'A Helm chart template ({{ … }}) was given instead of rendered manifests',
  docs: {
    why: 'Templates are not valid manifests until Helm renders them: values are missing and the YAML may not even parse. Linting them directly gives noise, not answers.',
    fix: 'Render the chart and lint the result: helm template my-release ./chart -f values.yaml | kubeknit lint - . Exclude chart templates/ folders from directory scans with --ignore-pattern.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: {{ .Release.Name }}-web}\nspec:\n  containers:\n  - name: web\n    image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: shop-web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.8.2\n',
  },
  ...loadProblemRule('helm-template'),
});
