import { describe, expect, it } from 'vitest';
import { dontFire, flaggedObjects, kindsOf, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const configMap = (metadata: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n${metadata}data: {a: b}\n`;

ruleTester('missing-namespace', {
  valid: [
    { name: 'own namespace', yaml: configMap('  namespace: shop\n') },
    { name: 'cluster-scoped kind', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n' },
    { name: 'omitted, with allowOmitted', yaml: configMap(''), options: { allowOmitted: true } },
  ],
  invalid: [
    { name: 'namespace: default', yaml: configMap('  namespace: default\n'), findings: [{ line: 5, column: 3, message: 'ConfigMap "settings" is in the "default" namespace' }] },
    { name: 'namespace: default, even with allowOmitted', yaml: configMap('  namespace: default\n'), options: { allowOmitted: true }, findings: [{ line: 5 }] },
    { name: 'namespace omitted (points at metadata)', yaml: configMap(''), findings: [{ line: 3, message: 'sets no metadata.namespace' }] },
  ],
});

describe.skipIf(!hasShared)(`missing-namespace: parity with kube-linter use-namespace ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the Deployment in default and not dont-fire', async () => {
    const { objects } = await flaggedObjects('missing-namespace', kubeLinterFixture('use-namespace.yml'));
    expect(kindsOf(objects)).toEqual(kubeLinterFlaggedKinds('use-namespace'));
    expect(objects).toEqual(['Deployment/app1']);
    expect(dontFire(objects)).toEqual([]);
  });
});
