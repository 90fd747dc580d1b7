import { ruleTester } from '../helpers/rule-tester.js';

const cm = (metadata: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${metadata}\n`;

ruleTester('invalid-metadata', {
  valid: [
    { name: 'usual names, labels and annotations', yaml: cm('  name: app.config-1\n  namespace: shop\n  labels: {app.kubernetes.io/name: web, tier: ""}\n  annotations: {example.com/Note: "any text at all"}') },
    { name: 'RBAC names may use ":"', yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: "system:controller:web"}\n' },
    { name: 'a label value that is a mapping or a number is left to schema-violation', yaml: cm('  name: c\n  labels: {app: {a: 1}, tier: 1}') },
    { name: 'generateName prefix ending in "-"', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: pi-}\nspec: {template: {spec: {containers: []}}}\n' },
  ],
  invalid: [
    { name: 'uppercase and "_" in a name', yaml: cm('  name: My_Config'), findings: [{ line: 4, messageId: 'badName', data: { kind: 'ConfigMap', name: 'My_Config' }, message: 'is not a DNS-1123 subdomain' }] },
    { name: 'a Service name must start with a letter', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\n', findings: [{ line: 3, messageId: 'badNameForKind', data: { kind: 'Service', name: '1web', reason: 'a Service name becomes a DNS label' }, message: 'is not a DNS-1035 label' }] },
    { name: 'a CronJob name above 52 characters', yaml: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: ${'a'.repeat(53)}}\n`, findings: [{ line: 3, messageId: 'badNameForKind', data: { kind: 'CronJob' }, message: 'is 53 characters long, above the 52 allowed' }] },
    { name: 'a namespace with a dot', yaml: cm('  name: c\n  namespace: team.a'), findings: [{ line: 5, messageId: 'badNamespace', data: { namespace: 'team.a' }, message: 'is not a DNS-1123 label' }] },
    {
      name: 'bad label key and value',
      yaml: cm('  name: c\n  labels:\n    "-bad": x\n    app: "web frontend"'),
      findings: [{ line: 6, messageId: 'badLabelKey', data: { key: '-bad' }, message: 'has a name part' }, { line: 7, messageId: 'badLabelValue', data: { key: 'app' }, message: 'is not a label value' }],
    },
    { name: 'annotation key with an invalid prefix', yaml: cm('  name: c\n  annotations: {"Example_Com/x": y}'), findings: [{ line: 5, messageId: 'badAnnotationKey', data: { key: 'Example_Com/x' }, message: 'has a prefix' }] },
    { name: 'a generateName prefix with "_"', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: pi_}\nspec: {template: {spec: {containers: []}}}\n', findings: [{ line: 3, messageId: 'badGenerateName', data: { kind: 'Job', prefix: 'pi_' } }] },
    { name: 'annotations above 256 KiB', yaml: cm(`  name: c\n  annotations: {note: ${'x'.repeat(262144)}}`), findings: [{ line: 5, messageId: 'annotationsTooLarge', data: { size: 262148 } }] },
  ],
});
