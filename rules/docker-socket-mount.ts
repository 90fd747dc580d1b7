import { containersOf, defineRule, describeContainer, hostPathVolumes, isPlainObject } from '../src/rule-api.js';

interface Options {
  sockets: string[];
}

export default defineRule<Options>({
  id: 'docker-socket-mount',
  family: 'security',
  severity: 'error',
  presets: ['recommended'],
  description: 'A container mounts the container runtime\'s socket (docker.sock, containerd.sock, crio.sock) from the node',
  docs: {
    why: 'Whoever can talk to the container runtime\'s socket can start a privileged container with the node\'s root filesystem mounted, so mounting the socket is root on the node. Mounting a directory that holds the socket (/var/run, /run) gives the same access. Runtime sockets are checked by default for Docker, containerd and CRI-O.',
    fix: 'Do not mount the socket. To build images use a daemonless builder (BuildKit rootless, kaniko); to inspect containers use the Kubernetes API. List any other socket path in the sockets option.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: ci}\nspec:\n  containers:\n  - name: ci\n    image: registry.example.com/ci:1.4.2\n    volumeMounts: [{name: docker, mountPath: /var/run/docker.sock}]\n  volumes:\n  - name: docker\n    hostPath: {path: /var/run/docker.sock}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: ci}\nspec:\n  containers:\n  - name: ci\n    image: registry.example.com/ci:1.4.2\n    volumeMounts: [{name: work, mountPath: /workspace}]\n  volumes:\n  - name: work\n    emptyDir: {}\n',
  },
  messages: {
    mountsSocket: '{{containers}} mounts {{hostPath}} from the node, the container runtime socket: that is root on the node',
    mountsSocketDir: '{{containers}} mounts {{hostPath}} from the node, a directory holding the container runtime socket {{socket}}: that is root on the node',
    containersMountSocket: '{{containers}} mount {{hostPath}} from the node, the container runtime socket: that is root on the node',
    containersMountSocketDir: '{{containers}} mount {{hostPath}} from the node, a directory holding the container runtime socket {{socket}}: that is root on the node',
  },
  options: {
    type: 'object',
    properties: {
      sockets: { type: 'array', items: { type: 'string' }, description: 'Host paths of runtime sockets; mounting one, or a directory holding one, is flagged.' },
    },
    additionalProperties: false,
  },
  defaultOptions: {
    sockets: [
      '/var/run/docker.sock', '/run/docker.sock',
      '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
      '/var/run/crio/crio.sock', '/run/crio/crio.sock',
    ],
  },
  check({ objects, report, options }) {
    const sockets = options.sockets.map(normalizeHostPath);
    for (const { object, template, volume, hostPath: written, path } of hostPathVolumes(objects)) {
      const hostPath = normalizeHostPath(written);
      const socket = sockets.find((s) => s === hostPath || s.startsWith(hostPath === '/' ? '/' : `${hostPath}/`));
      if (!socket) continue;
      // An unmounted volume exposes nothing; name the containers that mount it.
      const users = containersOf(template).filter(({ container }) => Array.isArray(container.volumeMounts) && container.volumeMounts.some((m) => isPlainObject(m) && m.name === volume.name));
      if (!users.length) continue;
      const messageId = `${users.length > 1 ? 'containersMount' : 'mounts'}${socket === hostPath ? 'Socket' : 'SocketDir'}`;
      report(object, path, messageId, { containers: users.map(describeContainer).join(', '), hostPath, socket });
    }
  },
});

/** `/var/run//docker.sock/` → `/var/run/docker.sock`. */
function normalizeHostPath(path: string): string {
  const collapsed = path.trim().replace(/\/+/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}
