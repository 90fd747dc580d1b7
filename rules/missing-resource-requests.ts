import { defineRule } from '../src/engine/rule.js';
import { describeContainer, isLongRunning, workloadContainers } from '../src/graph/containers.js';
import { containerResources, isUnsetResource, resourcePath } from '../src/graph/resources.js';

interface Options {
  resources: string[];
  checkInitContainers: boolean;
}

export default defineRule<Options>({
  id: 'missing-resource-requests',
  family: 'hygiene',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A container requests no CPU or memory',
  docs: {
    why: 'The scheduler places Pods by their requests. A container that requests nothing is placed as if it needed nothing, so nodes fill beyond what they can run, and under memory pressure its Pod (BestEffort or Burstable) is evicted before the others. A limit without a request is fine: Kubernetes then requests the limit.',
    fix: 'Set resources.requests.cpu and resources.requests.memory to what the container uses under normal load. The resources option chooses which resources must be requested.',
    bad: 'containers:\n- name: web\n  image: nginx:1.27.3\n',
    good: 'containers:\n- name: web\n  image: nginx:1.27.3\n  resources:\n    requests: {cpu: 100m, memory: 128Mi}\n',
  },
  options: {
    type: 'object',
    properties: {
      resources: { type: 'array', items: { type: 'string' }, description: 'Resources every container must request.' },
      checkInitContainers: { type: 'boolean', description: 'Also check init containers that run to completion before the app starts (sidecars are always checked).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { resources: ['cpu', 'memory'], checkInitContainers: false },
  check({ objects, report, options }) {
    for (const ref of workloadContainers(objects, ['initContainers', 'containers'])) {
      if (!options.checkInitContainers && !isLongRunning(ref)) continue;
      const requests = containerResources(ref, 'requests');
      const limits = containerResources(ref, 'limits');
      // Kubernetes requests the limit when only a limit is set.
      const missing = options.resources.filter((name) => isUnsetResource(requests.get(name)) && isUnsetResource(limits.get(name)));
      if (!missing.length) continue;
      const zero = missing.filter((name) => requests.has(name));
      const what = zero.length === missing.length && zero.length === 1 ? `requests 0 ${zero[0]}` : `requests no ${missing.join(' or ')}`;
      const path = zero.length === 1 && missing.length === 1 ? requests.get(zero[0])!.path : resourcePath(ref, 'requests');
      report(ref.object, path, `${describeContainer(ref)} ${what}: the scheduler places it as if it needed none, so its node can be overcommitted and it is among the first evicted under pressure`);
    }
  },
});
