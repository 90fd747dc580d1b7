import { ruleTester, yaml } from '../helpers/rule-tester.js';

const pod = (containers: string, volumes: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    containers: ${containers}
    volumes: ${volumes}
`;

ruleTester('unused-volume', {
  valid: [
    { name: 'every volume mounted', yaml: pod('[{name: a, volumeMounts: [{name: data, mountPath: /data}]}]', '[{name: data, emptyDir: {}}]') },
    { name: 'mounted by an init container', yaml: pod('[{name: a}]\n  initContainers: [{name: i, volumeMounts: [{name: data, mountPath: /data}]}]', '[{name: data, emptyDir: {}}]') },
    { name: 'a raw block device', yaml: pod('[{name: a, volumeDevices: [{name: disk, devicePath: /dev/xvda}]}]', '[{name: disk, persistentVolumeClaim: {claimName: disk}}]') },
  ],
  invalid: [
    {
      name: 'a volume no container mounts',
      yaml: pod('[{name: a, volumeMounts: [{name: data, mountPath: /data}]}]', '[{name: data, emptyDir: {}}, {name: cache, emptyDir: {}}]'),
      findings: [{ line: 6, column: 42, messageId: 'unmounted', data: { volume: 'cache' } }],
    },
    {
      name: 'in a CronJob template',
      yaml: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: a}]
                  volumes:
                  - name: uploads
                    persistentVolumeClaim: {claimName: uploads}
      `,
      findings: [{ line: 11, messageId: 'unmounted', data: { volume: 'uploads' } }],
    },
  ],
});
