import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const service = (name: string, app: string, extra = '') => `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80, targetPort: 8080}]\n${extra}`;

const deployment = (containers: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
${containers}
`;

const probed = '        - name: web\n          image: web:1.0\n          readinessProbe: {httpGet: {path: /ready, port: 8080}}';
const unprobed = '        - name: web\n          image: web:1.0';
const shipper = '        - name: logs\n          image: fluent-bit:3.0';
const servingNamedPort = '        - name: web\n          image: web:1.0\n          ports: [{name: http, containerPort: 9000}]';
const probedMetrics = '        - name: metrics\n          image: exporter:1.0\n          ports: [{containerPort: 9100}]\n          readinessProbe: {tcpSocket: {port: 9100}}';

ruleTester('missing-readiness-probe', {
  valid: [
    { name: 'a Service selects Pods with a readiness probe', yaml: deployment(probed) + service('web', 'web') },
    { name: 'no Service selects the Pods (a worker)', yaml: deployment(unprobed) },
    {
      name: 'a NetworkPolicy or a PodDisruptionBudget selects the Pods, but no Service sends them traffic',
      yaml: deployment(unprobed) + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny-all}\nspec: {podSelector: {}}\n'
        + '---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}}\n',
    },
    { name: 'a Service that selects other Pods', yaml: deployment(unprobed) + service('api', 'api') },
    { name: 'a container the team names in ignoreContainers', yaml: deployment(unprobed) + service('web', 'web'), options: { ignoreContainers: ['web'] } },
    { name: 'no container declares the targeted port, and one has a probe', yaml: deployment(`${probed}\n${shipper}`) + service('web', 'web') },
    { name: 'a sidecar that serves none of the Service\'s ports', yaml: deployment(`${probed}\n          ports: [{containerPort: 8080}]\n${shipper}\n          ports: [{containerPort: 24224}]`) + service('web', 'web') },
    { name: 'a Service that publishes not-ready Pods', yaml: deployment(unprobed) + service('web', 'web', '  publishNotReadyAddresses: true\n') },
    {
      name: 'init containers need no readiness probe',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          initContainers:
          - {name: setup, image: "setup:1"}
          containers:
          - name: web
            image: web:1.0
            readinessProbe: {tcpSocket: {port: 8080}}
      ` + service('web', 'web'),
    },
  ],
  invalid: [
    {
      name: 'a selected Deployment without a readiness probe',
      yaml: deployment(unprobed) + service('web', 'web'),
      findings: [{ line: 10, column: 9, messageId: 'noProbe', data: { container: 'container "web"', services: '"web"' } }],
    },
    {
      name: 'the container that serves the targeted port (by name), though another has a probe',
      yaml: deployment(`${servingNamedPort}\n${probedMetrics}`) + service('web', 'web').replace('targetPort: 8080', 'targetPort: http'),
      findings: [{ line: 10, data: { container: 'container "web"' } }],
    },
    {
      name: 'no container declares ports and none has a probe: all are suspects',
      yaml: deployment(`${unprobed}\n${shipper}`) + service('web', 'web'),
      findings: [{ line: 10, data: { container: 'container "web"' } }, { line: 12, data: { container: 'container "logs"' } }],
    },
    {
      name: 'several Services select the same Pods',
      yaml: deployment(unprobed) + service('web', 'web') + service('web-internal', 'web'),
      findings: [{ line: 10, messageId: 'noProbeServices', data: { services: '"web", "web-internal"' } }],
    },
    {
      name: 'a bare Pod a Service selects',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - {name: web, image: "web:1.0"}\n' + service('web', 'web'),
      findings: [{ line: 6, messageId: 'noProbe', data: { services: '"web"' } }],
    },
  ],
});

// kube-linter flags every container without a readiness probe; we flag only Pods a Service
// sends traffic to, and its fixture has no Service.
kubeLinterParity('no-readiness-probe', 'missing-readiness-probe', {
  expectDifferences: {
    reason: 'only Pods a Service selects need a readiness probe, and the fixture has no Service',
    notFlagged: ['Deployment/app1', 'DeploymentConfig/app2'],
    findings: 0,
  },
});
