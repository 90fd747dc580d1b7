import { ruleTester, yaml } from '../helpers/rule-tester.js';

/** A Deployment whose Pod spec holds `spec` (lines from 9 on, indented as under `spec:`). */
const deployment = (spec: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
${spec.split('\n').map((l) => `        ${l}`).join('\n')}
`;

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}\n`;

// The invalid cases follow the API server's errors, e.g.
//   spec.template.spec.containers[0].image: Required value
//   spec.containers[1].name: Duplicate value: "app"
//   spec.volumes[0].configMap.defaultMode: Invalid value: 644: must be a number between 0 and 0777 (octal), both inclusive
ruleTester('invalid-pod-spec', {
  valid: [
    { name: 'a complete Deployment', yaml: deployment('containers:\n- name: web\n  image: nginx:1.27\n  ports: [{name: http, containerPort: 8080}]\n  resources: {requests: {cpu: 500m, memory: 128Mi}, limits: {cpu: "1", memory: 1Gi}}\nvolumes:\n- name: config\n  configMap: {name: web, defaultMode: 0644, items: [{key: a, path: a, mode: 0400}]}') },
    { name: 'modes written in decimal (420 is 0644)', yaml: pod('containers: [{name: c, image: busybox:1.36}]\nvolumes:\n- name: s\n  secret: {secretName: s, defaultMode: 420}\n- name: p\n  projected: {defaultMode: 511, sources: [{secret: {name: s, items: [{key: k, path: k, mode: 256}]}}]}') },
    { name: 'an image of a single space (a placeholder some tools fill in) is accepted', yaml: pod('containers: [{name: c, image: " "}]') },
    { name: 'hostPort 0 means none', yaml: pod('containers: [{name: c, image: busybox:1.36, ports: [{containerPort: 80, hostPort: 0}]}]') },
    { name: 'numeric and exponent quantities', yaml: pod('containers: [{name: c, image: busybox:1.36, resources: {limits: {cpu: 2, memory: 1e9, nvidia.com/gpu: "1"}}}]') },
    { name: 'an init container and a container with different names', yaml: pod('initContainers: [{name: init, image: busybox:1.36}]\ncontainers: [{name: app, image: busybox:1.36}]') },
  ],
  invalid: [
    { name: 'a container without image', yaml: deployment('containers:\n- name: web'), findings: [{ line: 10, message: 'container "web" has no image; the API server requires one ("Required value")' }] },
    { name: 'an empty image', yaml: pod('containers: [{name: c, image: ""}]'), findings: [{ line: 5, message: 'has no image' }] },
    {
      name: 'a container name used by an init container',
      yaml: pod('initContainers: [{name: app, image: busybox:1.36}]\ncontainers:\n- name: app\n  image: busybox:1.36'),
      findings: [{ line: 7, message: 'container name "app" is already used by initContainers[0]; names must be unique across initContainers, containers and ephemeralContainers ("Duplicate value")' }],
    },
    { name: 'a container name that is not a DNS-1123 label', yaml: pod('containers:\n- name: My_App\n  image: busybox:1.36'), findings: [{ line: 6, message: 'container name "My_App" is not a DNS-1123 label' }] },
    {
      name: 'port names that are not IANA service names',
      yaml: pod('containers:\n- name: c\n  image: busybox:1.36\n  ports:\n  - {name: metrics-endpoint-1, containerPort: 9090}\n  - {name: "8080", containerPort: 8080}'),
      findings: [
        { line: 9, message: 'port name "metrics-endpoint-1" of container "c" is not a valid IANA service name: it is 18 characters long; a port name has at most 15' },
        { line: 10, message: 'must contain at least one letter' },
      ],
    },
    {
      name: 'port numbers out of range',
      yaml: pod('containers:\n- name: c\n  image: busybox:1.36\n  ports:\n  - {containerPort: 0}\n  - {containerPort: 70000, hostPort: 65536}'),
      findings: [
        { line: 9, message: 'containerPort 0 of container "c" is not a valid port number: it must be between 1 and 65535' },
        { line: 10, message: 'containerPort 70000' },
        { line: 10, message: 'hostPort 65536' },
      ],
    },
    {
      name: 'a port written .nan or .inf is named as written, not as NaN or Infinity',
      yaml: pod('containers:\n- name: c\n  image: busybox:1.36\n  ports:\n  - {containerPort: .nan, hostPort: .inf}'),
      findings: [
        { line: 9, messageId: 'portNumber', message: 'containerPort .nan of container "c" is not a valid port number' },
        { line: 9, messageId: 'portNumber', message: 'hostPort .inf of container "c"' },
      ],
    },
    {
      name: 'two volumes with one name',
      yaml: pod('containers: [{name: c, image: busybox:1.36}]\nvolumes:\n- {name: data, emptyDir: {}}\n- {name: data, configMap: {name: x}}'),
      findings: [{ line: 8, message: 'volume name "data" is already used by volume volumes[0]; volume names must be unique ("Duplicate value")' }],
    },
    {
      name: 'a decimal 644 meant as octal, and an item mode above 0777',
      yaml: pod('containers: [{name: c, image: busybox:1.36}]\nvolumes:\n- name: config\n  configMap:\n    name: x\n    defaultMode: 644\n    items: [{key: a, path: a, mode: 0o1000}]'),
      findings: [
        { line: 10, message: 'defaultMode 644 (octal 01204) is not a file mode: it must be between 0 and 0777 (octal)' },
        { line: 11, message: 'mode 512 (octal 01000)' },
      ],
    },
    {
      name: 'a mode inside a projected volume',
      yaml: pod('containers: [{name: c, image: busybox:1.36}]\nvolumes:\n- name: all\n  projected:\n    sources:\n    - secret: {name: s, items: [{key: k, path: k, mode: 777}]}'),
      findings: [{ line: 10, message: 'mode 777 (octal 01411)' }],
    },
    {
      name: 'quantities that do not parse',
      yaml: pod('containers:\n- name: c\n  image: busybox:1.36\n  resources:\n    requests: {memory: 1GB}\n    limits: {cpu: "1 core"}'),
      findings: [
        { line: 9, message: 'requests.memory "1GB" of container "c" is not a resource quantity' },
        { line: 10, message: 'limits.cpu "1 core"' },
      ],
    },
    {
      name: 'a CronJob template is checked too',
      yaml: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: job}]\n',
      findings: [{ line: 11, message: 'container "job" has no image' }],
    },
  ],
});
