import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (...names: string[]) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: app}
  spec:
    securityContext:
      sysctls:
${names.map((name) => `      - {name: ${name}, value: "1"}`).join('\n')}
    containers:
    - {name: app, image: "app:1.0"}
`;

ruleTester('unsafe-sysctls', {
  valid: [
    { name: 'safe sysctls', yaml: pod('net.ipv4.ip_local_port_range', 'kernel.shm_rmid_forced', 'net.ipv4.tcp_keepalive_time') },
    { name: 'slash-separated safe sysctl', yaml: pod('net/ipv4/tcp_syncookies') },
    { name: 'an unsafe sysctl the team allows', yaml: pod('kernel.msgmax'), options: { allowed: ['kernel.msg*'] } },
  ],
  invalid: [
    { name: 'kernel.sem', yaml: pod('kernel.sem'), findings: [{ line: 7, column: 8, messageId: 'unsafeSysctl', data: { sysctl: 'kernel.sem' } }] },
    { name: 'one of several', yaml: pod('net.ipv4.tcp_syncookies', 'net.core.somaxconn'), findings: [{ line: 8, messageId: 'unsafeSysctl', data: { sysctl: 'net.core.somaxconn' } }] },
  ],
});

kubeLinterParity('unsafe-sysctls', 'unsafe-sysctls');
