import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (resources: string, extra = '') => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
${extra}
        containers:
        - name: web
          image: nginx:1.27.3
${resources}
`;

ruleTester('missing-resource-requests', {
  valid: [
    { name: 'cpu and memory requested', yaml: deployment('          resources:\n            requests: {cpu: 100m, memory: 128Mi}') },
    { name: 'only limits: Kubernetes requests the limit', yaml: deployment('          resources:\n            limits: {cpu: 500m, memory: 256Mi}') },
    { name: 'only the resources the team asks for', yaml: deployment('          resources:\n            requests: {memory: 128Mi}'), options: { resources: ['memory'] } },
    {
      name: 'a plain init container is not checked by default',
      yaml: deployment('          resources:\n            requests: {cpu: 100m, memory: 128Mi}', '        initContainers:\n        - {name: migrate, image: "migrate:1"}'),
    },
  ],
  invalid: [
    { name: 'no resources at all', yaml: deployment(''), findings: [{ line: 11, column: 9, messageId: 'noRequest', data: { container: 'container "web"', missing: 'cpu or memory' } }] },
    { name: 'memory only', yaml: deployment('          resources:\n            requests: {memory: 128Mi}'), findings: [{ line: 14, messageId: 'noRequest', data: { missing: 'cpu' } }] },
    { name: 'a zero request', yaml: deployment('          resources:\n            requests: {cpu: "0", memory: 128Mi}'), findings: [{ line: 14, messageId: 'zeroRequest', data: { resource: 'cpu' } }] },
    {
      name: 'a sidecar (init container with restartPolicy: Always) runs alongside and is checked',
      yaml: deployment('          resources:\n            requests: {cpu: 100m, memory: 128Mi}', '        initContainers:\n        - {name: proxy, image: "envoy:1", restartPolicy: Always}'),
      findings: [{ line: 10, data: { container: 'init container "proxy"' } }],
    },
    {
      name: 'plain init containers when the team asks',
      yaml: deployment('          resources:\n            requests: {cpu: 100m, memory: 128Mi}', '        initContainers:\n        - {name: migrate, image: "migrate:1"}'),
      options: { checkInitContainers: true },
      findings: [{ line: 10, data: { container: 'init container "migrate"' } }],
    },
  ],
});

kubeLinterParity('unset-cpu-requirements', 'missing-resource-requests');
