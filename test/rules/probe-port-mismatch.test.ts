import { ruleTester, yaml } from '../helpers/rule-tester.js';

/** A Pod with one container: its ports and probe are one flow-YAML line each (lines 6 and 7). */
const pod = (ports: string, probe: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    containers:
    - name: web
      ports: ${ports}
      ${probe}
`;

ruleTester('probe-port-mismatch', {
  valid: [
    { name: 'named port declared', yaml: pod('[{name: http, containerPort: 8080}]', 'readinessProbe: {httpGet: {path: /, port: http}}') },
    { name: 'numeric port declared', yaml: pod('[{name: http, containerPort: 8080, protocol: TCP}]', 'livenessProbe: {tcpSocket: {port: 8080}}') },
    { name: 'numeric port, container declares no ports (declaring is optional)', yaml: pod('[]', 'startupProbe: {grpc: {port: 9090}}') },
    { name: 'hostile input: probe ports that are NaN, floats, infinite or mappings are no ports (schema-violation reports them)', yaml: pod('[{containerPort: 9999}]', 'livenessProbe: {tcpSocket: {port: .nan}}\n      readinessProbe: {httpGet: {port: 80.5}}\n      startupProbe: {grpc: {port: {y: 2}}, tcpSocket: {port: .inf}}') },
    { name: 'container ports without numbers: nothing to compare a numeric probe port with', yaml: pod('[{containerPort: .nan}, {name: http}]', 'livenessProbe: {tcpSocket: {port: 8080}}') },
    { name: 'exec probe has no port', yaml: pod('[]', 'livenessProbe: {exec: {command: [true]}}') },
  ],
  invalid: [
    {
      name: 'named port not declared (error)',
      yaml: pod('[{name: web, containerPort: 8080}]', 'readinessProbe: {httpGet: {path: /, port: http}}'),
      findings: [{ line: 8, messageId: 'undeclaredName', data: { probe: 'readinessProbe', container: 'web', port: 'http', names: 'web' }, severity: 'error' }],
    },
    {
      name: 'named port with no ports at all',
      yaml: pod('[]', 'livenessProbe: {httpGet: {path: /, port: http}}'),
      findings: [{ line: 8, messageId: 'noNamedPorts', data: { port: 'http' } }],
    },
    {
      name: 'numeric port other than the declared ones (warning)',
      yaml: pod('[{name: http, containerPort: 9999}]', 'startupProbe: {httpGet: {path: /, port: 8080}}'),
      findings: [{ line: 8, messageId: 'undeclaredNumber', data: { probe: 'startupProbe', port: 8080, declared: '9999/TCP' }, severity: 'warning' }],
    },
    {
      name: 'tcpSocket probe on a UDP port',
      yaml: pod('[{name: udp, containerPort: 9999, protocol: UDP}]', 'livenessProbe: {tcpSocket: {port: udp}}'),
      findings: [{ line: 8, messageId: 'notTcp', data: { probe: 'livenessProbe', port: 'udp', protocol: 'UDP', handler: 'tcpSocket' }, severity: 'error' }],
    },
    {
      name: 'grpc probe in a Deployment template, on a sidecar',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              initContainers:
              - name: proxy
                restartPolicy: Always
                ports: [{name: grpc, containerPort: 9999}]
                readinessProbe: {grpc: {port: 8080}}
              containers: [{name: app}]
      `,
      findings: [{ line: 11, messageId: 'undeclaredNumber', data: { probe: 'readinessProbe', container: 'proxy', port: 8080, declared: '9999/TCP' } }],
    },
    {
      name: 'hostile input: a container name that is a mapping is its index; container ports that are no integers are not listed',
      yaml: pod('[{containerPort: .nan}, {containerPort: 80.5}, {containerPort: 9999}]', 'livenessProbe: {tcpSocket: {port: 8080}}').replace('- name: web', '- name: {toString: x}'),
      findings: [{ line: 8, message: 'livenessProbe of container "#0" uses port 8080, which the container does not declare as a TCP port (declared: 9999/TCP)', messageId: 'undeclaredNumber' }],
    },
  ],
});
