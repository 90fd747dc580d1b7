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
      findings: [{ line: 7, messageId: 'samePort', data: { port: 80, protocol: 'TCP', first: 0 } }],
    },
    {
      name: 'duplicate names',
      yaml: service('    - {name: http, port: 80}\n    - {name: http, port: 8080}'),
      findings: [{ line: 7, messageId: 'sameName', data: { name: 'http', first: 0 } }],
    },
    {
      name: 'several ports, some without a name',
      yaml: service('    - {port: 80}\n    - {name: https, port: 443}\n    - {targetPort: 8080}'),
      findings: [
        { line: 6, column: 5, messageId: 'unnamedPort', data: { port: 80, count: 3 } },
        { line: 8, messageId: 'unnamedEntry', data: { index: 2, count: 3 } },
      ],
    },
    {
      name: 'hostile input: a port that is NaN, a float or a mapping is no port number; a name that is a mapping is no name',
      yaml: service('    - {name: a, port: .nan}\n    - {name: b, port: .nan}\n    - {name: c, port: 80.5}\n    - {name: d, port: 80.5}\n    - {name: {toString: x}, port: {y: 2}}'),
      findings: [{ line: 10, message: 'spec.ports[4] has no name, but the Service has 5 ports', messageId: 'unnamedEntry', data: { index: 4, count: 5 } }],
    },
  ],
});
