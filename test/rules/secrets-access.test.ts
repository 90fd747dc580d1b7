import { describe, expect, it } from 'vitest';
import { dontFire, flaggedObjects, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const role = (rule: string) => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata: {name: reader, namespace: shop}
  rules:
  - {apiGroups: [""], resources: [pods], verbs: [get]}
  - ${rule}
`;

ruleTester('secrets-access', {
  valid: [
    { name: 'Secrets only created, never read', yaml: role('{apiGroups: [""], resources: [secrets], verbs: [create]}') },
    { name: 'get limited by resourceNames', yaml: role('{apiGroups: [""], resources: [secrets], resourceNames: [tls], verbs: [get]}') },
    { name: 'a "secrets" resource of another API group', yaml: role('{apiGroups: [example.com], resources: [secrets], verbs: [get]}') },
  ],
  invalid: [
    { name: 'get and list on secrets', yaml: role('{apiGroups: [""], resources: [configmaps, secrets], verbs: [get, list]}'), findings: [{ line: 6, message: 'can get, list Secrets (all of them' }] },
    { name: 'list is not narrowed by resourceNames', yaml: role('{apiGroups: [""], resources: [secrets], resourceNames: [tls], verbs: [get, list]}'), findings: [{ line: 6, message: 'can list Secrets' }] },
    { name: 'wildcard resources', yaml: role('{apiGroups: ["*"], resources: ["*"], verbs: [watch]}'), findings: [{ line: 6, message: 'every resource, Secrets included' }] },
    { name: 'verbs option', yaml: role('{apiGroups: [""], resources: [secrets], verbs: [update]}'), options: { verbs: ['get', 'update'] }, findings: [{ line: 6, message: 'can update' }] },
  ],
});

describe.skipIf(!hasShared)(`secrets-access: parity with kube-linter access-to-secrets ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the Role that reads Secrets, where kube-linter flags the RoleBinding that binds it', async () => {
    const { objects } = await flaggedObjects('secrets-access', kubeLinterFixture('access-to-secrets.yml'));
    // On purpose: the permission lives in the Role, so the finding points at its rule; a Role with no
    // binding in the input (bound elsewhere, or later) is still flagged.
    expect(kubeLinterFlaggedKinds('access-to-secrets')).toEqual(['RoleBinding']);
    expect(objects).toEqual(['Role/role1']);
    expect(dontFire(objects)).toEqual([]);
  });
});
