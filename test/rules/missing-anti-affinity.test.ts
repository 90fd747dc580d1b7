import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

const deployment = (replicas: number, podSpec: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    replicas: ${replicas}
    template:
      metadata: {labels: {app: web}}
      spec:
        ${podSpec}
        containers: [{name: web, image: web:1.4}]
`;

const term = (selector: string, extra = '') => `{labelSelector: {matchLabels: ${selector}}, topologyKey: kubernetes.io/hostname${extra}}`;

ruleTester('missing-anti-affinity', {
  valid: [
    { name: 'required anti-affinity on its own labels', yaml: deployment(3, `affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [${term('{app: web}')}]}}`) },
    { name: 'preferred anti-affinity', yaml: deployment(3, `affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, podAffinityTerm: ${term('{app: web}')}}]}}`) },
    { name: 'topology spread over its own labels', yaml: deployment(3, 'topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}]') },
    { name: 'single replica', yaml: deployment(1, 'hostname: web') },
    { name: 'hostile input: replicas that are NaN or infinite are no count (schema-violation reports them)', yaml: deployment(1, 'hostname: web').replace('replicas: 1', 'replicas: .nan') + '---\n' + deployment(1, 'hostname: web').replace('replicas: 1', 'replicas: .inf').replace('name: web,', 'name: api,') },
    { name: 'namespaces list names its own namespace', yaml: deployment(3, `affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [${term('{app: web}', ', namespaces: [shop]')}]}}`) },
  ],
  invalid: [
    { name: 'no spreading at all', yaml: deployment(3, 'hostname: web'), findings: [{ line: 5, messageId: 'noSpreading', data: { kind: 'Deployment', name: 'web', replicas: 3 } }] },
    { name: 'anti-affinity against other Pods only', yaml: deployment(2, `affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [${term('{app: db}')}]}}`), findings: [{ line: 9, messageId: 'termsMissOwnPods', data: { kind: 'Deployment', name: 'web', replicas: 2 } }] },
    { name: 'anti-affinity only in other namespaces', yaml: deployment(2, `affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [${term('{app: web}', ', namespaces: [bar]')}]}}`), findings: [{ line: 9, messageId: 'otherNamespaces', data: { namespaces: 'bar', namespace: 'shop', replicas: 2 } }] },
    {
      name: 'hostile input: namespaces that are no strings are left out of the list',
      yaml: deployment(2, `affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [${term('{app: web}', ', namespaces: [{toString: x}, 5, bar]')}]}}`),
      findings: [{ line: 9, message: 'only against Pods in namespaces [bar], not its own namespace "shop"', messageId: 'otherNamespaces', data: { namespaces: 'bar' } }],
    },
  ],
});

kubeLinterParity('no-anti-affinity', 'missing-anti-affinity', {
  kubeLinterFlags: ['Deployment/app1', 'DeploymentConfig/app2', 'Deployment/fire-namespaced-with-namespaces-selector-not-matching'],
});
