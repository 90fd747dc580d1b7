import { ruleTester, yaml } from '../helpers/rule-tester.js';

ruleTester('volume-mount-missing-volume', {
  valid: [
    {
      name: 'every mount names a volume of the Pod',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - name: a
              image: a:1
              volumeMounts: [{name: cache, mountPath: /cache}]
          volumes: [{name: cache, emptyDir: {}}]
      `,
    },
    {
      name: 'a StatefulSet mounts its volumeClaimTemplate',
      yaml: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          template:
            spec:
              containers: [{name: db, image: postgres:16.4, volumeMounts: [{name: data, mountPath: /data}]}]
          volumeClaimTemplates:
            - metadata: {name: data}
      `,
    },
  ],
  invalid: [
    {
      name: 'a typo in the mount name',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers:
            - name: a
              image: a:1
              volumeMounts:
                - name: chache
                  mountPath: /cache
          volumes: [{name: cache, emptyDir: {}}]
      `,
      findings: [{ line: 9, column: 11, messageId: 'undefinedVolume', data: { volume: 'chache', defined: 'cache' } }],
    },
    {
      name: 'an init container mounting a volume of a Pod without volumes',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  initContainers:\n    - name: i\n      image: a:1\n      volumeMounts: [{name: x, mountPath: /x}]\n  containers: [{name: a, image: a:1}]\n',
      findings: [{ line: 8, messageId: 'noVolumes', data: { container: 'i', volume: 'x' } }],
    },
    {
      name: 'hostile input: a container name that is a mapping is its index; volume names that are no strings are not listed',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: {toString: x}\n    volumeMounts: [{name: data, mountPath: /d}, {name: {a: 1}, mountPath: /e}]\n  volumes: [{name: {a: 1}, emptyDir: {}}, {name: 7, emptyDir: {}}, {name: cache, emptyDir: {}}]\n',
      findings: [{ line: 7, message: 'container "#0" mounts volume "data", which the Pod does not define (defined volumes: cache)', messageId: 'undefinedVolume' }],
    },
  ],
});
