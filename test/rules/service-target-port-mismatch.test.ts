import { ruleTester, yaml } from '../helpers/rule-tester.js';

/** A Deployment labelled app=web whose container declares the given ports (flow YAML, one line). */
const web = (ports: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: web
          ports: ${ports}
`;

const service = (ports: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
    selector: {app: web}
    ports:
${ports}
`;

ruleTester('service-target-port-mismatch', {
  valid: [
    { name: 'named targetPort declared by the selected container', yaml: `${web('[{name: http, containerPort: 8080}]')}---\n${service('    - {port: 80, targetPort: http}')}` },
    { name: 'numeric targetPort declared', yaml: `${web('[{containerPort: 8080}]')}---\n${service('    - {port: 80, targetPort: 8080}')}` },
    { name: 'no targetPort: the port number itself is declared', yaml: `${web('[{containerPort: 80}]')}---\n${service('    - {port: 80}')}` },
    { name: 'numeric targetPort, containers declare no ports (nothing to compare)', yaml: `${web('[]')}---\n${service('    - {port: 80, targetPort: 8080}')}` },
    { name: 'UDP port declared as UDP', yaml: `${web('[{name: dns, containerPort: 53, protocol: UDP}]')}---\n${service('    - {port: 53, targetPort: dns, protocol: UDP}')}` },
    { name: 'a Service selecting nothing is dangling-service-selector\'s concern', yaml: service('    - {port: 80, targetPort: http}') },
    { name: 'declared by a sidecar init container', yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p, labels: {app: p}}
        spec:
          initContainers: [{name: proxy, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}]
          containers: [{name: app}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: p}
        spec: {selector: {app: p}, ports: [{port: 80, targetPort: proxy}]}
      ` },
  ],
  invalid: [
    {
      name: 'named targetPort no selected container declares (error)',
      yaml: `${web('[{name: web, containerPort: 8080}]')}---\n${service('    - {port: 80, targetPort: http}')}`,
      findings: [{ line: 19, messageId: 'undeclaredName', data: { port: 'http', protocol: 'TCP', names: 'web (TCP)' }, severity: 'error' }],
    },
    {
      name: 'named targetPort declared only with another protocol',
      yaml: `${web('[{name: dns, containerPort: 53, protocol: UDP}]')}---\n${service('    - {port: 53, targetPort: dns}')}`,
      findings: [{ line: 19, messageId: 'undeclaredName', data: { port: 'dns', protocol: 'TCP', names: 'dns (UDP)' }, severity: 'error' }],
    },
    {
      name: 'numeric targetPort none declares (warning)',
      yaml: `${web('[{containerPort: 8080}]')}---\n${service('    - {port: 80, targetPort: 8000}')}`,
      findings: [{ line: 19, messageId: 'undeclaredNumber', data: { port: 8000, protocol: 'TCP', declared: '8080/TCP' }, severity: 'warning' }],
    },
    {
      name: 'no targetPort: the port number is not declared',
      yaml: `${web('[{containerPort: 8080}]')}---\n${service('    - {port: 80}')}`,
      findings: [{ line: 19, messageId: 'undeclaredNumber', data: { port: 80, protocol: 'TCP' }, severity: 'warning' }],
    },
    {
      name: 'invalid targetPort values are reported even without a selector',
      yaml: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: bad}
        spec:
          ports:
          - {port: 1, targetPort: 123456}
          - {port: 2, targetPort: n234567890123456}
          - {port: 3, targetPort: "8080"}
          - {port: 4, targetPort: n-3456789012345}
      `,
      findings: [
        { line: 6, messageId: 'invalidNumber', data: { port: 123456 } },
        { line: 7, messageId: 'invalidName', data: { port: 'n234567890123456', problem: 'it is 16 characters long; a port name has at most 15' } },
        { line: 8, messageId: 'invalidName', data: { port: '8080', problem: 'a port name must contain at least one letter (a-z)' } },
      ],
    },
    {
      name: 'a named targetPort when the containers declare no names',
      yaml: `${web('[{containerPort: 8080}]')}---\n${service('    - {port: 80, targetPort: http}')}`,
      findings: [{ line: 19, message: '(they declare no named ports)', messageId: 'noNamedPorts', data: { port: 'http', protocol: 'TCP' } }],
    },
    {
      name: 'hostile input: targets that are NaN, infinite or mappings are skipped (schema-violation reports them); a float is no port number',
      yaml: `${web('[{containerPort: .nan}, {containerPort: 8080}]')}---\n${service('    - {port: 1, targetPort: .nan}\n    - {port: .nan}\n    - {port: 3, targetPort: .inf}\n    - {port: 4, targetPort: {y: 2}}\n    - {port: 5, targetPort: 80.5}\n    - {port: 6, targetPort: 9090}')}`,
      findings: [
        { line: 23, message: 'targetPort 80.5 is not a port number', messageId: 'invalidNumber', data: { port: 80.5 } },
        { line: 24, message: 'targetPort 9090/TCP is not declared by any container the Service selects (declared: 8080/TCP)', messageId: 'undeclaredNumber' },
      ],
    },
  ],
});
