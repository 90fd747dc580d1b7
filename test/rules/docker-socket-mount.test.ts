import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (hostPath: string, mounted = true) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: ci}
  spec:
    containers:
    - name: ci
      image: ci:1.0
      volumeMounts: ${mounted ? '[{name: host, mountPath: /host}]' : '[]'}
    volumes:
    - name: host
      hostPath: {path: ${hostPath}}
`;

ruleTester('docker-socket-mount', {
  valid: [
    { name: 'another host socket', yaml: pod('/var/run/thing.sock') },
    { name: 'a sibling directory', yaml: pod('/var/run/secrets') },
    { name: 'a path that only starts like the socket', yaml: pod('/var/run/docker.sock.d') },
    { name: 'a volume no container mounts', yaml: pod('/var/run/docker.sock', false) },
  ],
  invalid: [
    { name: 'docker.sock', yaml: pod('/var/run/docker.sock'), findings: [{ line: 11, column: 16, messageId: 'mountsSocket', data: { containers: 'container "ci"', hostPath: '/var/run/docker.sock' } }] },
    { name: 'containerd.sock under /run', yaml: pod('/run/containerd/containerd.sock'), findings: [{ line: 11 }] },
    { name: 'a directory holding the socket', yaml: pod('/var/run/'), findings: [{ line: 11, messageId: 'mountsSocketDir', data: { hostPath: '/var/run', socket: '/var/run/docker.sock' } }] },
    {
      name: 'two containers mount the socket',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: ci}
        spec:
          containers:
          - {name: build, image: ci:1.0, volumeMounts: [{name: docker, mountPath: /var/run/docker.sock}]}
          - {name: push, image: ci:1.0, volumeMounts: [{name: docker, mountPath: /var/run/docker.sock}]}
          volumes:
          - {name: docker, hostPath: {path: /var/run/docker.sock}}
      `,
      findings: [{ line: 9, messageId: 'containersMountSocket', data: { containers: 'container "build", container "push"' } }],
    },
    { name: 'a socket the team lists', yaml: pod('/var/run/podman/podman.sock'), options: { sockets: ['/var/run/podman/podman.sock'] }, findings: [{ line: 11 }] },
  ],
});

kubeLinterParity('docker-sock', 'docker-socket-mount');
