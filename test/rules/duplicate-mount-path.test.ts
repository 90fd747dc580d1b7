import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (mounts: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers:
    - name: app
      volumeMounts:
${mounts}
    - name: sidecar
      volumeMounts: [{name: a, mountPath: /data}]
    volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]
`;

ruleTester('duplicate-mount-path', {
  valid: [
    { name: 'distinct paths; the same path in another container is fine', yaml: pod('      - {name: a, mountPath: /data}\n      - {name: b, mountPath: /cache}') },
    { name: 'subPaths of one volume at different paths', yaml: pod('      - {name: a, mountPath: /etc/a.conf, subPath: a.conf}\n      - {name: a, mountPath: /etc/b.conf, subPath: b.conf}') },
  ],
  invalid: [
    {
      name: 'two volumes at one path',
      yaml: pod('      - {name: a, mountPath: /data}\n      - {name: b, mountPath: /data/}'),
      findings: [{ line: 9, messageId: 'samePath', data: { container: 'app', field: 'mountPath', path: '/data/', volume: 'a' } }],
    },
    {
      name: 'two devices at one path',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: app
            volumeDevices:
            - {name: a, devicePath: /dev/xvda}
            - {name: b, devicePath: /dev/xvda}
      `,
      findings: [{ line: 9, messageId: 'samePath', data: { field: 'devicePath', path: '/dev/xvda' } }],
    },
  ],
});
