import { defineRule, type K8sObject } from '../src/rule-api.js';

export default defineRule({
  id: 'duplicate-object',
  family: 'parse',
  severity: 'error',
  presets: ['recommended'],
  description: 'The same object (API group, kind, namespace and name) is defined more than once',
  docs: {
    why: 'Applying both definitions makes the last one win silently; the first is lost. It usually means a copy-paste that forgot to rename.',
    fix: 'Rename one of the objects, put it in another namespace, or delete the extra copy.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings-extra}\n',
  },
  messages: {
    duplicate: '{{kind}} "{{name}}" is already defined at {{firstAt}}; the later definition would replace it',
    duplicateInNamespace: '{{kind}} "{{name}}" in namespace "{{namespace}}" is already defined at {{firstAt}}; the later definition would replace it',
  },
  check({ objects, report }) {
    const first = new Map<string, K8sObject>();
    for (const obj of objects.withDuplicates) {
      if (obj.name.endsWith('*')) continue; // generateName: the API server picks a unique name
      const key = `${obj.group}|${obj.kind}|${obj.namespace ?? ''}|${obj.name}`;
      const original = first.get(key);
      if (!original) {
        first.set(key, obj);
        continue;
      }
      const data = { kind: obj.kind, name: obj.name, firstAt: `${original.source.file}:${original.source.range.start.line}` };
      const related = [{ object: original, path: 'metadata.name', message: 'first definition' }];
      if (obj.namespace === null) report(obj, 'metadata.name', 'duplicate', data, { related });
      else report(obj, 'metadata.name', 'duplicateInNamespace', { ...data, namespace: obj.namespace }, { related });
    }
  },
});
