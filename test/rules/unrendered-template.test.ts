import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('unrendered-template', {
  valid: [
    {
      name: 'template text inside a string value is data (an alert description)',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  description: "{{ $labels.instance }} is down"\n',
    },
  ],
  invalid: [
    {
      name: 'a Helm value in a structural position',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-settings\n',
      findings: [{ line: 4, column: 9, messageId: 'helmTemplate', message: 'render it first' }],
      allowNoObject: true,
    },
    {
      name: 'one finding for the unrendered document, none for the rendered one after it',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  {{- toYaml .Values.settings | nindent 2 }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
      findings: [{ line: 5, messageId: 'helmTemplate' }],
      allowNoObject: true,
    },
  ],
});
