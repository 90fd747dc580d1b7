import { ruleTester, yaml } from '../helpers/rule-tester.js';

const service = (ports: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    ports:
${ports}
`;

ruleTester('duplicate-service-port', {
  valid: [
    { name: 'one unnamed port', yaml: service('    - {port: 80}') },
    { name: 'named ports', yaml: service('    - {name: http, port: 80}\n    - {name: https, port: 443}') },
    { name: 'one port over TCP and UDP', yaml: service('    - {name: dns, port: 53, protocol: UDP}\n    - {name: dns-tcp, port: 53}') },
  ],
  invalid: [
    {
      name: 'same port and protocol twice',
      yaml: service('    - {name: http, port: 80}\n    - {name: web, port: 80, protocol: TCP}'),
      findings: [{ line: 7, message: 'port 80/TCP is already listed at spec.ports[0]' }],
    },
    {
      name: 'duplicate names',
      yaml: service('    - {name: http, port: 80}\n    - {name: http, port: 8080}'),
      findings: [{ line: 7, message: 'port name "http" is already used by spec.ports[0]' }],
    },
    {
      name: 'several ports, some without a name',
      yaml: service('    - {port: 80}\n    - {name: https, port: 443}\n    - {targetPort: 8080}'),
      findings: [
        { line: 6, column: 5, message: 'port 80 has no name, but the Service has 3 ports' },
        { line: 8, message: 'spec.ports[2] has no name' },
      ],
    },
  ],
});
