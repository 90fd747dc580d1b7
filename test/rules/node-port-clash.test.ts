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
      findings: [{ line: 13, message: 'nodePort 30080 is already taken by Service "a" in namespace "x"' }],
    },
    {
      name: 'outside the default range',
      yaml: service('a', 'x', '[{port: 80, nodePort: 8080}]'),
      findings: [{ line: 6, message: 'nodePort 8080 is outside the node port range 30000-32767' }],
    },
    {
      name: 'outside a custom range',
      options: { range: '20000-22767' },
      yaml: service('a', 'x', '[{port: 80, nodePort: 30080}]'),
      findings: [{ line: 6, message: 'outside the node port range 20000-22767' }],
    },
  ],
});
