import { defineRule, describeContainer, securityFieldFailures } from '../src/rule-api.js';

export default defineRule({
  id: 'privileged-container',
  family: 'security',
  severity: 'error',
  locality: 'object',
  presets: ['recommended', 'pss-baseline'],
  description: 'A container runs privileged',
  docs: {
    why: 'Pod Security Standards control "Privileged Containers" (baseline). A privileged container has every capability and every device of the node, and no seccomp or AppArmor confinement: whoever controls it controls the node, and through it every Pod on the node. Few workloads need this (some CNI and storage drivers do).',
    fix: 'Remove privileged: true and add only the capabilities the process needs (securityContext.capabilities.add). For a trusted system component, disable this rule for that object.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      privileged: true\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      privileged: false\n      capabilities: {drop: [ALL]}\n',
  },
  messages: {
    privileged: '{{container}} is privileged: it gets every capability and device of the node, so escaping to the node is trivial',
  },
  check({ objects, report }) {
    for (const { ref, path } of securityFieldFailures(objects, { field: 'privileged', fails: (value) => value === true })) {
      report(ref.object, path, 'privileged', { container: describeContainer(ref) });
    }
  },
});
