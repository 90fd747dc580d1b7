import { expect, it } from 'vitest';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

const cm = (name: string, namespace?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;

ruleTester('duplicate-object', {
  valid: [
    { name: 'different namespaces', yaml: `${cm('a', 'x')}---\n${cm('a', 'y')}` },
    { name: 'same name in different API groups', yaml: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: a}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n' },
  ],
  invalid: [
    { name: 'omitted namespace equals "default"', yaml: `${cm('a')}---\n${cm('a', 'default')}`, findings: [{ line: 9, messageId: 'duplicateInNamespace', data: { kind: 'ConfigMap', name: 'a', namespace: 'default', firstAt: 'test.yaml:1' } }] },
    { name: 'cluster-scoped duplicates', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a, namespace: ignored}\n', findings: [{ line: 7, messageId: 'duplicate', data: { kind: 'Namespace', name: 'a', firstAt: 'test.yaml:1' } }] },
  ],
});

it('duplicate-object points back at the first definition', async () => {
  const [finding] = await runRule('duplicate-object', `${cm('a')}---\n${cm('a')}`);
  expect(finding.related).toEqual([{ file: 'test.yaml', line: 4, column: 3, message: 'first definition' }]);
});
