import { defineRule, loadProblemRule } from '../src/rule-api.js';

export default defineRule({
  id: 'invalid-yaml',
  family: 'parse',
  severity: 'error',
  presets: ['recommended'],
  description: 'A file or document that is not valid YAML (or JSON), or cannot be read',
  docs: {
    why: 'kubectl and the API server reject the whole file. Other documents of the file and other files are still linted, so one broken file does not hide the rest.',
    fix: 'Fix the syntax at the line shown: indentation, an unclosed quote or bracket, a tab used for indentation, a duplicate key. Save files as UTF-8.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n   labels: {app: web}\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels: {app: web}\n',
  },
  ...loadProblemRule('unreadable', 'binary', 'not-utf8', 'yaml-syntax', 'duplicate-key', 'unexpandable', 'too-deep'),
});
