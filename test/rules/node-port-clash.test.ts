import { ruleTester, yaml } from '../helpers/rule-tester.js';

const service = (name: string, namespace: string, ports: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: ${name}, namespace: ${namespace}}
  spec:
    type: NodePort
    ports: ${ports}
`;

ruleTester('node-port-clash', {
  valid: [
    { name: 'distinct node ports', yaml: `${service('a', 'x', '[{port: 80, nodePort: 30080}]')}---\n${service('b', 'x', '[{port: 80, nodePort: 30081}]')}` },
    { name: 'no nodePort: the API server picks one', yaml: `${service('a', 'x', '[{port: 80}]')}---\n${service('b', 'x', '[{port: 80}]')}` },
    { name: 'one Service, one nodePort for TCP and UDP', yaml: service('dns', 'x', '[{name: a, port: 53, nodePort: 30053}, {name: b, port: 53, protocol: UDP, nodePort: 30053}]') },
    { name: 'a custom range', options: { range: '20000-22767' }, yaml: service('a', 'x', '[{port: 80, nodePort: 20080}]') },
  ],
  invalid: [
    {
      name: 'two Services, one nodePort (namespaces do not matter)',
      yaml: `${service('a', 'x', '[{port: 80, nodePort: 30080}]')}---\n${service('b', 'y', '[{port: 8080, nodePort: 30080}]')}`,
      findings: [{ line: 13, messageId: 'takenInNamespace', data: { nodePort: 30080, service: 'a', namespace: 'x' } }],
    },
    {
      name: 'outside the default range',
      yaml: service('a', 'x', '[{port: 80, nodePort: 8080}]'),
      findings: [{ line: 6, messageId: 'outOfRange', data: { nodePort: 8080, low: 30000, high: 32767 } }],
    },
    {
      name: 'outside a custom range',
      options: { range: '20000-22767' },
      yaml: service('a', 'x', '[{port: 80, nodePort: 30080}]'),
      findings: [{ line: 6, messageId: 'outOfRange', data: { nodePort: 30080, low: 20000, high: 22767 } }],
    },
    {
      name: 'two Services of one namespace',
      yaml: `${service('a', 'x', '[{port: 80, nodePort: 30080}]')}---\n${service('b', 'x', '[{port: 8080, nodePort: 30080}]')}`,
      findings: [{ line: 13, message: 'nodePort 30080 is already taken by Service "a"; node ports', messageId: 'takenBy', data: { nodePort: 30080, service: 'a' } }],
    },
    {
      name: 'one Service twice over one protocol; node ports that are NaN, floats or infinite are no ports',
      yaml: service('a', 'x', '[{port: 80, nodePort: 30080}, {port: 81, nodePort: .nan}, {port: 82, nodePort: .nan}, {port: 83, nodePort: 30080.5}, {port: 84, nodePort: .inf}, {port: 85, nodePort: 30080}]'),
      findings: [{ line: 6, messageId: 'takenHere', data: { nodePort: 30080, first: 0 } }],
    },
  ],
});
