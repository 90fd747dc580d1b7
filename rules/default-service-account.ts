import { defineRule, podTemplateOf } from '../src/rule-api.js';

export default defineRule({
  id: 'default-service-account',
  family: 'rbac',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'Pods that run as the namespace\'s "default" ServiceAccount',
  docs: {
    why: 'Every Pod that names no ServiceAccount runs as "default". Any permission granted to it for one app is shared by every other Pod in the namespace, and it is hard to tell which app needs which access.',
    fix: 'Create a ServiceAccount per application and set spec.serviceAccountName. A Pod that never calls the API can instead set automountServiceAccountToken: false.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  serviceAccountName: web\n  containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  messages: {
    noServiceAccount: '{{kind}} "{{name}}" sets no serviceAccountName, so its Pods run as the "default" ServiceAccount of namespace "{{namespace}}"',
    defaultServiceAccount: '{{kind}} "{{name}}" runs its Pods as the "default" ServiceAccount of namespace "{{namespace}}"',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template || template.opaque || template.owner.kind === 'PodTemplate') continue;
      const spec = template.spec;
      // No token in the Pod: the ServiceAccount's permissions are out of its reach.
      if (spec.automountServiceAccountToken === false) continue;
      // `serviceAccount` is the deprecated alias the API still honours when serviceAccountName is unset.
      const field = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName ? 'serviceAccountName' : typeof spec.serviceAccount === 'string' && spec.serviceAccount ? 'serviceAccount' : undefined;
      if (field === undefined) {
        report(obj, template.specPath, 'noServiceAccount', { kind: obj.kind, name: obj.name, namespace: template.namespace });
      } else if (spec[field] === 'default') {
        report(obj, `${template.specPath}.${field}`, 'defaultServiceAccount', { kind: obj.kind, name: obj.name, namespace: template.namespace });
      }
    }
  },
});
