import { controllerSelector, defineRule, formatSelector, podTemplateOf, selectorMatches } from '../src/rule-api.js';

export default defineRule({
  id: 'workload-selector-mismatch',
  family: 'relationships',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A controller\'s selector does not match the labels of its own Pod template',
  docs: {
    why: 'A Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or ReplicationController counts as its own only the Pods its selector matches. The API server rejects apps/v1 workloads whose selector does not match the template labels; where it does not check (ReplicationController, DeploymentConfig, older API versions), the controller creates Pods forever without ever counting them.',
    fix: 'Make spec.selector a subset of spec.template.metadata.labels (usually the same app label on both).',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: frontend}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  messages: {
    mismatch: '{{kind}} "{{name}}" selects {{selector}}, but its Pod template has {{labels}}',
    templateUnlabelled: '{{kind}} "{{name}}" selects {{selector}}, but its Pod template has no labels',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const own = controllerSelector(obj);
      const template = own && podTemplateOf(obj);
      if (!own || !template || own.selector.malformed || selectorMatches(own.selector, template.labels)) continue;
      const labels = Object.entries(template.labels).map(([k, v]) => `${k}=${v}`).join(',');
      const data = { kind: obj.kind, name: obj.name, selector: formatSelector(own.selector) };
      if (labels) report(obj, own.path, 'mismatch', { ...data, labels });
      else report(obj, own.path, 'templateUnlabelled', data);
    }
  },
});
