import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const service = (name: string, app: string) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80, targetPort: 8080}]\n`;

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

ruleTester('missing-readiness-probe', {
  valid: [
    { name: 'a Service selects Pods with a readiness probe', yaml: deployment(probed) + service('web', 'web') },
    { name: 'no Service selects the Pods (a worker)', yaml: deployment(unprobed) },
    { name: 'a Service that selects other Pods', yaml: deployment(unprobed) + service('api', 'api') },
    { name: 'a container the team names in ignoreContainers', yaml: deployment(`${probed}\n${shipper}`) + service('web', 'web'), options: { ignoreContainers: ['logs'] } },
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
      findings: [{ line: 10, column: 9, message: 'container "web" has no readinessProbe, yet Service "web" sends it traffic' }],
    },
    {
      name: 'every container of the Pod counts',
      yaml: deployment(`${probed}\n${shipper}`) + service('web', 'web'),
      findings: [{ line: 13, message: 'container "logs"' }],
    },
    {
      name: 'several Services select the same Pods',
      yaml: deployment(unprobed) + service('web', 'web') + service('web-internal', 'web'),
      findings: [{ line: 10, message: 'Services "web", "web-internal" send it traffic' }],
    },
    {
      name: 'a bare Pod a Service selects',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - {name: web, image: "web:1.0"}\n' + service('web', 'web'),
      findings: [{ line: 6, message: 'Service "web"' }],
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
