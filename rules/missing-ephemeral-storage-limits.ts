import { defineRule, describeContainer, isPlainObject, workloadContainers } from '../src/rule-api.js';

export default defineRule({
  id: 'missing-ephemeral-storage-limits',
  family: 'availability',
  severity: 'warning',
  presets: ['strict'],
  description: 'A container sets no ephemeral-storage limit',
  messages: { missing: '{{container}} sets no resources.limits.ephemeral-storage, so its logs and writable layer may fill the node\'s disk' },
  docs: {
    why: 'Container logs, the writable layer and emptyDir volumes use the node\'s disk. Without an ephemeral-storage limit one container can fill it, and the kubelet then evicts Pods of every workload on that node.',
    fix: 'Set `resources.limits.ephemeral-storage` (and a request) on each container, e.g. `1Gi`.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0", resources: {limits: {memory: 256Mi}}}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0", resources: {limits: {memory: 256Mi, ephemeral-storage: 1Gi}}}\n',
  },
  check({ objects, report }) {
    for (const ref of workloadContainers(objects)) {
      const resources = ref.container.resources;
      const limits = isPlainObject(resources) ? resources.limits : undefined;
      if (isPlainObject(limits) && limits['ephemeral-storage'] !== undefined) continue;
      report(ref.object, `${ref.path}.resources.limits`, 'missing', { container: describeContainer(ref) });
    }
  },
});
