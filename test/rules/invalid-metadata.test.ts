import { ruleTester } from '../helpers/rule-tester.js';

const cm = (metadata: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${metadata}\n`;

ruleTester('invalid-metadata', {
  valid: [
    { name: 'usual names, labels and annotations', yaml: cm('  name: app.config-1\n  namespace: shop\n  labels: {app.kubernetes.io/name: web, tier: ""}\n  annotations: {example.com/Note: "any text at all"}') },
    { name: 'RBAC names may use ":"', yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: "system:controller:web"}\n' },
    { name: 'generateName prefix ending in "-"', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: pi-}\nspec: {template: {spec: {containers: []}}}\n' },
  ],
  invalid: [
    { name: 'uppercase and "_" in a name', yaml: cm('  name: My_Config'), findings: [{ line: 4, message: 'ConfigMap name "My_Config" is not a DNS-1123 subdomain' }] },
    { name: 'a Service name must start with a letter', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\n', findings: [{ line: 3, message: 'is not a DNS-1035 label' }] },
    { name: 'a CronJob name above 52 characters', yaml: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ${'a'.repeat(53)}}\n`, findings: [{ line: 3, message: 'is 53 characters long, above the 52 allowed' }] },
    { name: 'a namespace with a dot', yaml: cm('  name: c\n  namespace: team.a'), findings: [{ line: 5, message: 'metadata.namespace "team.a" is not a DNS-1123 label' }] },
    {
      name: 'bad label key and value',
      yaml: cm('  name: c\n  labels:\n    "-bad": x\n    app: "web frontend"'),
      findings: [{ line: 6, message: 'label key "-bad" has a name part' }, { line: 7, message: 'label value of "app" is not a label value' }],
    },
    { name: 'annotation key with an invalid prefix', yaml: cm('  name: c\n  annotations: {"Example_Com/x": y}'), findings: [{ line: 5, message: 'annotation key "Example_Com/x" has a prefix' }] },
  ],
});
