import { containerResources, defineRule, describeContainer, workloadContainers } from '../src/rule-api.js';

export default defineRule({
  id: 'requests-exceed-limits',
  family: 'hygiene',
  severity: 'error',
  locality: 'object',
  presets: ['recommended'],
  description: 'A container requests more of a resource than its limit allows',
  docs: {
    why: 'A request is what the container is guaranteed and a limit the most it may use, so a request above the limit cannot be met. The API server rejects such a Pod ("must be less than or equal to … limit"), and the workload never starts. Quantities are compared by value: 1Gi is 1024Mi, 0.5 is 500m.',
    fix: 'Lower the request or raise the limit so that the request is at most the limit.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    resources:\n      requests: {memory: 1Gi}\n      limits: {memory: 512Mi}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    resources:\n      requests: {memory: 512Mi}\n      limits: {memory: 1Gi}\n',
  },
  messages: {
    aboveLimit: '{{container}} requests {{request}} of {{resource}}, more than its limit of {{limit}}; the API server rejects a request above the limit',
  },
  check({ objects, report }) {
    for (const ref of workloadContainers(objects)) {
      const limits = containerResources(ref, 'limits');
      for (const request of containerResources(ref, 'requests').values()) {
        const limit = limits.get(request.name);
        if (request.quantity === undefined || limit?.quantity === undefined || request.quantity <= limit.quantity) continue;
        report(ref.object, request.path, 'aboveLimit', { container: describeContainer(ref), request: request.text, resource: request.name, limit: limit.text }, {
          related: [{ object: ref.object, path: limit.path, message: `the ${request.name} limit is ${limit.text}` }],
        });
      }
    }
  },
});
