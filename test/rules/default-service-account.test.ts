import { describe, expect, it } from 'vitest';
import { dontFire, flaggedObjects, kindsOf, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const deployment = (podSpec: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      spec:
        ${podSpec}
        containers: [{name: web, image: web:1.4}]
`;

ruleTester('default-service-account', {
  valid: [
    { name: 'own ServiceAccount', yaml: deployment('serviceAccountName: web') },
    { name: 'default account but no token mounted', yaml: deployment('automountServiceAccountToken: false') },
    { name: 'deprecated serviceAccount field naming its own account', yaml: deployment('serviceAccount: web') },
  ],
  invalid: [
    { name: 'serviceAccountName omitted (points at the Pod spec)', yaml: deployment('hostname: web'), findings: [{ line: 6, message: 'sets no serviceAccountName' }] },
    { name: 'serviceAccountName: default', yaml: deployment('serviceAccountName: default'), findings: [{ line: 7, column: 7, message: 'runs its Pods as the "default" ServiceAccount of namespace "shop"' }] },
    {
      name: 'bare Pod',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  serviceAccount: default\n  containers: [{name: c, image: busybox:1.36}]\n',
      findings: [{ line: 5, message: 'Pod "debug"' }],
    },
  ],
});

describe.skipIf(!hasShared)(`default-service-account: parity with kube-linter default-service-account ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the same objects, DeploymentConfig (OpenShift) included', async () => {
    const { objects } = await flaggedObjects('default-service-account', kubeLinterFixture('default-service-account.yml'));
    expect(objects.filter((o) => o.startsWith('Deployment/'))).toEqual(['Deployment/app']);
    expect(kubeLinterFlaggedKinds('default-service-account')).toEqual(kindsOf(objects));
    expect(dontFire(objects)).toEqual([]);
  });
});
