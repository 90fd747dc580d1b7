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
    { name: 'exec probe has no port', yaml: pod('[]', 'livenessProbe: {exec: {command: [true]}}') },
  ],
  invalid: [
    {
      name: 'named port not declared (error)',
      yaml: pod('[{name: web, containerPort: 8080}]', 'readinessProbe: {httpGet: {path: /, port: http}}'),
      findings: [{ line: 8, message: 'readinessProbe of container "web" uses port "http", which the container does not declare (declared names: web)', severity: 'error' }],
    },
    {
      name: 'named port with no ports at all',
      yaml: pod('[]', 'livenessProbe: {httpGet: {path: /, port: http}}'),
      findings: [{ line: 8, message: 'it declares no named ports' }],
    },
    {
      name: 'numeric port other than the declared ones (warning)',
      yaml: pod('[{name: http, containerPort: 9999}]', 'startupProbe: {httpGet: {path: /, port: 8080}}'),
      findings: [{ line: 8, message: 'uses port 8080, which the container does not declare as a TCP port (declared: 9999/TCP)', severity: 'warning' }],
    },
    {
      name: 'tcpSocket probe on a UDP port',
      yaml: pod('[{name: udp, containerPort: 9999, protocol: UDP}]', 'livenessProbe: {tcpSocket: {port: udp}}'),
      findings: [{ line: 8, message: 'declared as UDP; tcpSocket probes connect over TCP', severity: 'error' }],
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
      findings: [{ line: 11, message: 'container "proxy" uses port 8080' }],
    },
  ],
});
