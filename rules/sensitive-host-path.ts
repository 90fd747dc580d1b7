import { defineRule, hostPathVolumes, isPlainObject, normalizeHostPath } from '../src/rule-api.js';

interface Options {
  /** Host paths that are sensitive themselves and everything beneath them. */
  paths: string[];
  /** Host paths a team has reviewed and allows (exact, after normalising). */
  allow: string[];
}

/** Host paths whose contents let a Pod read secrets of, or take over, the node. */
const SENSITIVE_TREES = [
  '/etc', '/proc', '/sys', '/boot', '/dev', '/root', '/var/lib/kubelet',
  '/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd', '/run/containerd', '/var/run/crio', '/run/crio', '/var/lib/etcd',
];
/**
 * Directories sensitive as a whole, though ordinary things live beneath them: /var/log, /usr/share,
 * /var/lib/docker/containers (container logs that log collectors read).
 */
const SENSITIVE_EXACT = ['/', '/var', '/var/run', '/run', '/usr', '/lib', '/bin', '/sbin', '/home', '/var/lib', '/var/lib/docker', '/var/lib/containerd'];

export default defineRule<Options>({
  id: 'sensitive-host-path',
  family: 'volumes',
  severity: 'error',
  presets: ['recommended'],
  description: 'A hostPath volume (or PersistentVolume) exposes a sensitive directory or socket of the node',
  docs: {
    why: 'A hostPath volume hands the container a piece of the node\'s file system. The root, /etc, /proc, /sys, /dev, the kubelet\'s and the container runtime\'s directories, and runtime sockets such as /var/run/docker.sock give read access to node credentials and other Pods\' secrets, and usually a way to take over the node (start privileged containers through the runtime socket, rewrite configuration). One compromised container then compromises the whole node.',
    fix: 'Use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead, or mount the narrowest path the workload needs, read-only. For node agents that truly need such access, list the path in the rule option "allow", or disable the rule for that object.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: log-shipper}\nspec:\n  containers:\n  - name: log-shipper\n    image: registry.example.com/log-shipper:1.4.2\n    volumeMounts: [{name: etc, mountPath: /host/etc, readOnly: true}]\n  volumes:\n  - name: etc\n    hostPath: {path: /etc}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: log-shipper}\nspec:\n  containers:\n  - name: log-shipper\n    image: registry.example.com/log-shipper:1.4.2\n    volumeMounts: [{name: scratch, mountPath: /scratch}]\n  volumes:\n  - name: scratch\n    emptyDir: {}\n',
  },
  options: {
    type: 'object',
    properties: {
      paths: { type: 'array', items: { type: 'string' }, description: 'Further host paths that are sensitive, with everything beneath them.' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Host paths allowed even though they are sensitive.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { paths: [], allow: [] },
  messages: {
    volume: 'volume "{{volume}}" mounts {{what}} from the host (hostPath "{{hostPath}}")',
    persistentVolume: 'PersistentVolume "{{name}}" exposes {{what}} (hostPath "{{hostPath}}") to any Pod that claims it',
  },
  check({ objects, report, options }) {
    const trees = [...SENSITIVE_TREES, ...options.paths.map(normalizeHostPath)];
    const allowed = new Set(options.allow.map(normalizeHostPath));
    const reason = (hostPath: string): string | undefined => {
      const path = normalizeHostPath(hostPath);
      if (allowed.has(path)) return undefined;
      if (SENSITIVE_EXACT.includes(path)) return path === '/' ? 'the node\'s root file system' : `the node's ${path} directory`;
      const tree = trees.find((t) => path === t || path.startsWith(`${t}/`));
      return tree === undefined ? undefined : path === tree ? `the node's ${path}` : `${path}, inside the node's ${tree}`;
    };
    for (const { object, volume, hostPath, path } of hostPathVolumes(objects)) {
      const what = reason(hostPath);
      if (what) report(object, path, 'volume', { volume: volume.name, what, hostPath });
    }
    for (const pv of objects.ofKind('PersistentVolume')) {
      const hostPath = hostPathOf(isPlainObject(pv.body.spec) ? pv.body.spec.hostPath : undefined);
      const what = hostPath === undefined ? undefined : reason(hostPath);
      if (what && hostPath !== undefined) report(pv, 'spec.hostPath.path', 'persistentVolume', { name: pv.name, what, hostPath });
    }
  },
});

function hostPathOf(source: unknown): string | undefined {
  return isPlainObject(source) && typeof source.path === 'string' ? source.path : undefined;
}
