import { containersMissingResources, defineRule, describeContainer, resourcePath, resourceRuleOptionsSchema, type ResourceRuleOptions } from '../src/rule-api.js';

export default defineRule<ResourceRuleOptions>({
  id: 'missing-resource-requests',
  family: 'hygiene',
  severity: 'warning',
  locality: 'object',
  presets: ['recommended'],
  description: 'A container requests no CPU or memory',
  docs: {
    why: 'The scheduler places Pods by their requests. A container that requests nothing is placed as if it needed nothing, so nodes fill beyond what they can run, and under memory pressure its Pod (BestEffort or Burstable) is evicted before the others. A limit without a request is fine: Kubernetes then requests the limit.',
    fix: 'Set resources.requests.cpu and resources.requests.memory to what the container uses under normal load. The resources option chooses which resources must be requested.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n',
  },
  messages: {
    zeroRequest: '{{container}} requests 0 {{resource}}: the scheduler places it as if it needed none, so its node can be overcommitted and it is among the first evicted under pressure',
    noRequest: '{{container}} requests no {{missing}}: the scheduler places it as if it needed none, so its node can be overcommitted and it is among the first evicted under pressure',
  },
  options: resourceRuleOptionsSchema('request'),
  defaultOptions: { resources: ['cpu', 'memory'], checkInitContainers: false },
  check({ objects, report, options }) {
    for (const { ref, entries: requests, missing } of containersMissingResources(objects, 'requests', options)) {
      const zero = missing.filter((name) => requests.has(name));
      const single = zero.length === 1 && missing.length === 1 ? requests.get(zero[0]) : undefined;
      const container = describeContainer(ref);
      if (single) report(ref.object, single.path, 'zeroRequest', { container, resource: single.name });
      else report(ref.object, resourcePath(ref, 'requests'), 'noRequest', { container, missing: missing.join(' or ') });
    }
  },
});
