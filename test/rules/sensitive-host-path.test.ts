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
  ],
  invalid: [
    { name: 'the root file system', yaml: pod('/'), findings: [{ line: 8, message: 'volume "host" mounts the node\'s root file system from the host (hostPath "/")' }] },
    { name: '/etc', yaml: pod('/etc/'), findings: [{ line: 8, message: 'the node\'s /etc' }] },
    { name: 'the docker socket', yaml: pod('/var/run/docker.sock'), findings: [{ line: 8, message: '/var/run/docker.sock' }] },
    { name: 'below /proc, written with dots', yaml: pod('/tmp/../proc/./sys'), findings: [{ line: 8, message: '/proc/sys, inside the node\'s /proc' }] },
    { name: 'the kubelet\'s directory', yaml: pod('/var/lib/kubelet/pods'), findings: [{ line: 8, message: 'inside the node\'s /var/lib/kubelet' }] },
    { name: 'a path the team adds', options: { paths: ['/opt/secrets'] }, yaml: pod('/opt/secrets/db'), findings: [{ line: 8 }] },
    {
      name: 'a hostPath PersistentVolume',
      yaml: 'apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: pv}\nspec:\n  capacity: {storage: 1Gi}\n  hostPath: {path: /sys}\n',
      findings: [{ line: 6, message: 'PersistentVolume "pv" exposes the node\'s /sys' }],
    },
  ],
});
