import { containersMissingResources, defineRule, describeContainer, resourcePath, resourceRuleOptionsSchema, type ResourceRuleOptions } from '../src/rule-api.js';

export default defineRule<ResourceRuleOptions>({
  id: 'missing-resource-limits',
  family: 'hygiene',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A container sets no memory limit',
  docs: {
    why: 'Without a memory limit a container can use all the memory of its node: a leak then makes the kernel kill processes of other Pods, not just its own. A CPU limit is not required by default, since CPU is throttled rather than exhausted and limits often slow services down; teams that want one add cpu to the resources option.',
    fix: 'Set resources.limits.memory a little above what the container needs at peak.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n      limits: {memory: 256Mi}\n',
  },
  messages: {
    zeroLimit: '{{container}} sets its {{resource}} limit to 0, so it can use all of its node\'s {{resource}} and starve the other Pods there',
    noLimit: '{{container}} sets no {{missing}} limit, so it can use all of its node\'s {{exhausted}} and starve the other Pods there',
  },
  options: resourceRuleOptionsSchema('limit'),
  defaultOptions: { resources: ['memory'], checkInitContainers: false },
  check({ objects, report, options }) {
    for (const { ref, entries: limits, missing } of containersMissingResources(objects, 'limits', options)) {
      const single = missing.length === 1 ? limits.get(missing[0]) : undefined;
      const container = describeContainer(ref);
      if (single) report(ref.object, single.path, 'zeroLimit', { container, resource: single.name });
      else report(ref.object, resourcePath(ref, 'limits'), 'noLimit', { container, missing: missing.join(' or '), exhausted: missing.join(' and ') });
    }
  },
});
