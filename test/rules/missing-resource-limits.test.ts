import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (resources: string) => singleContainerPod(resources);

ruleTester('missing-resource-limits', {
  valid: [
    { name: 'a memory limit', yaml: pod('      resources:\n        limits: {memory: 256Mi}') },
    { name: 'no cpu limit is needed by default', yaml: pod('      resources:\n        requests: {cpu: 100m}\n        limits: {memory: 256Mi}') },
  ],
  invalid: [
    { name: 'no resources', yaml: pod(''), findings: [{ line: 6, messageId: 'noLimit', data: { container: 'container "app"', missing: 'memory' } }] },
    { name: 'requests but no limits', yaml: pod('      resources:\n        requests: {cpu: 100m, memory: 128Mi}'), findings: [{ line: 8, messageId: 'noLimit', data: { missing: 'memory' } }] },
    { name: 'a zero limit', yaml: pod('      resources:\n        limits: {memory: 0}'), findings: [{ line: 9, messageId: 'zeroLimit', data: { resource: 'memory' } }] },
    {
      name: 'cpu too when the team asks',
      yaml: pod('      resources:\n        limits: {memory: 256Mi}'),
      options: { resources: ['cpu', 'memory'] },
      findings: [{ line: 9, messageId: 'noLimit', data: { missing: 'cpu' } }],
    },
  ],
});

kubeLinterParity('unset-memory-requirements', 'missing-resource-limits');
