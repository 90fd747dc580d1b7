import { kubeLinterParity } from '../helpers/kube-linter.js';
import { singleContainerPod } from '../helpers/manifests.js';
import { ruleTester } from '../helpers/rule-tester.js';

const pod = (ports: string, podSpec = '') => singleContainerPod(`ports: ${ports}`, podSpec);

ruleTester('privileged-ports', {
  valid: [
    { name: 'a port above 1023', yaml: pod('[{containerPort: 8080}, {containerPort: 1024}]') },
    { name: 'containerPort .nan or 80.5 is no port (schema-violation reports it)', yaml: pod('[{containerPort: .nan}, {containerPort: 80.5}]') },
    { name: 'a port the team allows', yaml: pod('[{containerPort: 443}]'), options: { allowedPorts: [443] } },
    { name: 'the Pod makes low ports unprivileged', yaml: pod('[{containerPort: 80}]', 'securityContext: {sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "0"}]}') },
  ],
  invalid: [
    { name: 'port 80', yaml: pod('[{containerPort: 8080}, {containerPort: 80}]'), findings: [{ line: 8, column: 37, messageId: 'privilegedPort', data: { container: 'container "app"', port: 80, firstUnprivileged: 1024 } }] },
    { name: 'a sysctl that still leaves the port privileged', yaml: pod('[{containerPort: 80}]', 'securityContext: {sysctls: [{name: net.ipv4.ip_unprivileged_port_start, value: "443"}]}'), findings: [{ line: 9, messageId: 'privilegedPort', data: { port: 80, firstUnprivileged: 443 } }] },
  ],
});

kubeLinterParity('privileged-ports', 'privileged-ports');
