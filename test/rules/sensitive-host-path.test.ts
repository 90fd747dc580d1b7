import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (hostPath: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers: [{name: c, volumeMounts: [{name: host, mountPath: /host}]}]
    volumes:
    - name: host
      hostPath: {path: ${hostPath}}
`;

ruleTester('sensitive-host-path', {
  valid: [
    { name: 'an ordinary host directory', yaml: pod('/var/log') },
    { name: 'container logs (log collectors)', yaml: pod('/var/lib/docker/containers') },
    { name: 'a data directory', yaml: pod('/mnt/data') },
    { name: 'an allowed path', options: { allow: ['/var/run/docker.sock'] }, yaml: pod('/var/run/docker.sock') },
    { name: 'hostile input: a path that is a number or a mapping is no path (schema-violation reports it)', yaml: pod('5') + pod('{toString: /etc}').replace('metadata: {name: p}', 'metadata: {name: q}').replace(/^/, '---\n') },
    {
      name: 'hostile input: a PersistentVolume whose path is a number',
      yaml: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  capacity: {storage: 1Gi}\n  hostPath: {path: 7}\n',
    },
  ],
  invalid: [
    { name: 'the root file system', yaml: pod('/'), findings: [{ line: 8, messageId: 'volume', data: { volume: 'host', what: 'the node\'s root file system', hostPath: '/' } }] },
    { name: '/etc', yaml: pod('/etc/'), findings: [{ line: 8, messageId: 'volume', data: { what: 'the node\'s /etc', hostPath: '/etc/' } }] },
    { name: 'the docker socket', yaml: pod('/var/run/docker.sock'), findings: [{ line: 8, messageId: 'volume', data: { what: 'the node\'s /var/run/docker.sock' } }] },
    { name: 'below /proc, written with dots', yaml: pod('/tmp/../proc/./sys'), findings: [{ line: 8, messageId: 'volume', data: { what: '/proc/sys, inside the node\'s /proc', hostPath: '/tmp/../proc/./sys' } }] },
    { name: 'the kubelet\'s directory', yaml: pod('/var/lib/kubelet/pods'), findings: [{ line: 8, messageId: 'volume', data: { what: '/var/lib/kubelet/pods, inside the node\'s /var/lib/kubelet' } }] },
    { name: 'a path the team adds', options: { paths: ['/opt/secrets'] }, yaml: pod('/opt/secrets/db'), findings: [{ line: 8, messageId: 'volume', data: { what: '/opt/secrets/db, inside the node\'s /opt/secrets' } }] },
    {
      name: 'a hostPath PersistentVolume',
      yaml: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  capacity: {storage: 1Gi}\n  hostPath: {path: /sys}\n',
      findings: [{ line: 6, messageId: 'persistentVolume', data: { name: 'pv', what: 'the node\'s /sys', hostPath: '/sys' } }],
    },
  ],
});
