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
    bad: 'containers:\n- name: web\n  image: nginx:1.27.3\n',
    good: 'containers:\n- name: web\n  image: nginx:1.27.3\n  resources:\n    requests: {cpu: 100m, memory: 128Mi}\n',
  },
  options: resourceRuleOptionsSchema('request'),
  defaultOptions: { resources: ['cpu', 'memory'], checkInitContainers: false },
  check({ objects, report, options }) {
    for (const { ref, entries: requests, missing } of containersMissingResources(objects, 'requests', options)) {
      const zero = missing.filter((name) => requests.has(name));
      const single = zero.length === 1 && missing.length === 1 ? requests.get(zero[0]) : undefined;
      const what = single ? `requests 0 ${single.name}` : `requests no ${missing.join(' or ')}`;
      report(ref.object, single?.path ?? resourcePath(ref, 'requests'), `${describeContainer(ref)} ${what}: the scheduler places it as if it needed none, so its node can be overcommitted and it is among the first evicted under pressure`);
    }
  },
});
