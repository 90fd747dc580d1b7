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
      findings: [{ line: 19, message: 'host port 9100/TCP is also claimed by DaemonSet "agent"; Pods that could land on one node cannot both bind it, and a DaemonSet runs on every node', severity: 'error' }],
    },
    {
      name: 'two Deployments (warning); hostNetwork makes the container port a host port',
      yaml: `${workload('Deployment', 'a', '[{containerPort: 8080, hostPort: 8080}]')}---\n${workload('Deployment', 'b', '[{containerPort: 8080}]', '{hostNetwork: true}')}`,
      findings: [{ line: 20, message: 'host port 8080/TCP is also claimed by Deployment "a"', severity: 'warning' }],
    },
    {
      name: 'a Deployment with a hostPort and three replicas',
      yaml: workload('Deployment', 'a', '[{containerPort: 80, hostPort: 80}]', '{}', 3),
      findings: [{ line: 9, message: 'Deployment "a" has 3 replicas and binds host port 80/TCP' }],
    },
  ],
});
