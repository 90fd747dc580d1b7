import { ruleTester, yaml } from '../helpers/rule-tester.js';

/** A workload whose one container declares the given ports; pod-level extras go on line 9. */
const workload = (kind: string, name: string, ports: string, podExtra = '{}', replicas = 1) => yaml`
  apiVersion: apps/v1
  kind: ${kind}
  metadata: {name: ${name}, namespace: ops}
  spec:
    replicas: ${replicas}
    template:
      metadata: {labels: {app: ${name}}}
      spec:
        extra: ${podExtra}
        containers: [{name: c, ports: ${ports}}]
`.replace(/ {4}extra: \{\}\n/, '').replace(/extra: \{(.*)\}/, '$1');

ruleTester('host-port-clash', {
  valid: [
    { name: 'different host ports', yaml: `${workload('DaemonSet', 'a', '[{containerPort: 9100, hostPort: 9100}]')}---\n${workload('DaemonSet', 'b', '[{containerPort: 9100, hostPort: 9101}]')}` },
    { name: 'same port over different protocols', yaml: `${workload('DaemonSet', 'a', '[{containerPort: 53, hostPort: 53}]')}---\n${workload('DaemonSet', 'b', '[{containerPort: 53, hostPort: 53, protocol: UDP}]')}` },
    { name: 'different host IPs', yaml: `${workload('DaemonSet', 'a', '[{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}]')}---\n${workload('DaemonSet', 'b', '[{containerPort: 80, hostPort: 80, hostIP: 10.0.0.2}]')}` },
    {
      name: 'pinned to disjoint nodes',
      yaml: `${workload('Deployment', 'a', '[{containerPort: 80, hostPort: 80}]', '{nodeSelector: {pool: edge-a}}')}---\n${workload('Deployment', 'b', '[{containerPort: 80, hostPort: 80}]', '{nodeSelector: {pool: edge-b}}')}`,
    },
    {
      name: 'an ingress controller with maxSurge 0 and hostname anti-affinity cannot clash with itself',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: ingress-nginx-controller}
        spec:
          replicas: 3
          strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 0, maxUnavailable: 1}}
          selector: {matchLabels: {app: ingress-nginx}}
          template:
            metadata: {labels: {app: ingress-nginx}}
            spec:
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - {topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: ingress-nginx}}}
              containers: [{name: controller, image: registry.k8s.io/ingress-nginx/controller:v1.11.0, ports: [{containerPort: 80, hostPort: 80}]}]
      `,
    },
    { name: 'a one-replica Deployment with a hostPort', yaml: workload('Deployment', 'a', '[{containerPort: 80, hostPort: 80}]') },
    { name: 'container ports without hostPort', yaml: `${workload('Deployment', 'a', '[{containerPort: 80}]', '{}', 3)}---\n${workload('Deployment', 'b', '[{containerPort: 80}]')}` },
  ],
  invalid: [
    {
      name: 'two DaemonSets on one host port (error: every node)',
      yaml: `${workload('DaemonSet', 'agent', '[{containerPort: 9100, hostPort: 9100}]')}---\n${workload('DaemonSet', 'exporter', '[{containerPort: 9100, hostPort: 9100}]')}`,
      findings: [{ line: 19, messageId: 'otherPodDaemonSet', data: { port: 9100, protocol: 'TCP', other: 'DaemonSet "agent"' }, severity: 'error' }],
    },
    {
      name: 'two Deployments (warning); hostNetwork makes the container port a host port',
      yaml: `${workload('Deployment', 'a', '[{containerPort: 8080, hostPort: 8080}]')}---\n${workload('Deployment', 'b', '[{containerPort: 8080}]', '{hostNetwork: true}')}`,
      findings: [{ line: 20, messageId: 'otherPod', data: { port: 8080, protocol: 'TCP', other: 'Deployment "a"' }, severity: 'warning' }],
    },
    {
      name: 'a Deployment with a hostPort and three replicas',
      yaml: workload('Deployment', 'a', '[{containerPort: 80, hostPort: 80}]', '{}', 3),
      findings: [{ line: 9, messageId: 'replicas', data: { name: 'a', replicas: 3, port: 80, protocol: 'TCP' } }],
    },
    {
      name: 'a workload in another namespace is named with its namespace',
      yaml: `${workload('Deployment', 'a', '[{containerPort: 8080, hostPort: 8080}]')}---\n${workload('Deployment', 'b', '[{containerPort: 8080, hostPort: 8080}]').replace('namespace: ops', 'namespace: web')}`,
      findings: [{ line: 19, messageId: 'otherPod', data: { other: 'Deployment "a" in namespace "ops"' } }],
    },
    {
      name: 'two containers of one Pod (error); host ports that are NaN, floats or infinite are no ports',
      yaml: workload('Deployment', 'a', '[{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: .nan}, {containerPort: 82, hostPort: .nan}, {containerPort: 83, hostPort: 80.5}, {containerPort: 84, hostPort: 80.5}, {containerPort: 85, hostPort: .inf}, {containerPort: 86, hostPort: .inf}, {containerPort: 87, hostPort: 80}]'),
      findings: [{ line: 9, column: 317, messageId: 'samePod', data: { port: 80, protocol: 'TCP' }, severity: 'error' }],
    },
  ],
});
