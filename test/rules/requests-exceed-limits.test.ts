import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (requests: string, limits: string) => singleContainerPod(`resources:\n  requests: ${requests}\n  limits: ${limits}`);

ruleTester('requests-exceed-limits', {
  valid: [
    { name: 'request below the limit', yaml: pod('{memory: 512Mi}', '{memory: 1Gi}') },
    { name: 'equal values written differently', yaml: pod('{cpu: "0.5", memory: 1Gi}', '{cpu: 500m, memory: 1024Mi}') },
    { name: 'a YAML number and a millicore string', yaml: pod('{cpu: 1}', '{cpu: 1000m}') },
    { name: 'no limit for that resource', yaml: pod('{cpu: "2", memory: 1Gi}', '{memory: 2Gi}') },
    { name: 'an exponent', yaml: pod('{memory: 1e9}', '{memory: 1G}') },
    { name: 'not a quantity: left to schema validation', yaml: pod('{memory: lots}', '{memory: 1Gi}') },
  ],
  invalid: [
    { name: 'memory request above the limit', yaml: pod('{memory: 1Gi}', '{memory: 512Mi}'), findings: [{ line: 9, column: 18, messageId: 'aboveLimit', data: { request: '1Gi', resource: 'memory', limit: '512Mi' } }] },
    { name: 'binary vs decimal units: 1Gi is more than 1G', yaml: pod('{memory: 1Gi}', '{memory: 1G}'), findings: [{ line: 9, messageId: 'aboveLimit', data: { request: '1Gi', resource: 'memory', limit: '1G' } }] },
    { name: 'cpu by a millicore', yaml: pod('{cpu: 1001m}', '{cpu: 1}'), findings: [{ line: 9, messageId: 'aboveLimit', data: { request: '1001m', resource: 'cpu', limit: '1' } }] },
    { name: 'an extended resource', yaml: pod('{"nvidia.com/gpu": 2}', '{"nvidia.com/gpu": 1}'), findings: [{ line: 9, messageId: 'aboveLimit', data: { request: '2', resource: 'nvidia.com/gpu', limit: '1' } }] },
    {
      name: 'init containers are validated too',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers:
          - name: setup
            resources:
              requests:
                memory: 2Gi
              limits:
                memory: 1Gi
          containers:
          - {name: web, image: "nginx:1.27.3"}
      `,
      findings: [{ line: 9, data: { container: 'init container "setup"' } }],
    },
  ],
});
