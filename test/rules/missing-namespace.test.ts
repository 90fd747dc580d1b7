import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester } from '../helpers/rule-tester.js';

const configMap = (metadata: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n${metadata}data: {a: b}\n`;

ruleTester('missing-namespace', {
  valid: [
    { name: 'own namespace', yaml: configMap('  namespace: shop\n') },
    { name: 'cluster-scoped kind', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' },
    { name: 'omitted, with allowOmitted', yaml: configMap(''), options: { allowOmitted: true } },
  ],
  invalid: [
    { name: 'namespace: default', yaml: configMap('  namespace: default\n'), findings: [{ line: 5, column: 3, messageId: 'inDefault', data: { kind: 'ConfigMap', name: 'settings' } }] },
    { name: 'namespace: default, even with allowOmitted', yaml: configMap('  namespace: default\n'), options: { allowOmitted: true }, findings: [{ line: 5 }] },
    { name: 'namespace omitted (points at metadata)', yaml: configMap(''), findings: [{ line: 3, messageId: 'noNamespace', data: { kind: 'ConfigMap', name: 'settings' } }] },
  ],
});

kubeLinterParity('use-namespace', 'missing-namespace');
