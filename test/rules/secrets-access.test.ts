import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

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
    { name: 'get and list on secrets', yaml: role('{apiGroups: [""], resources: [configmaps, secrets], verbs: [get, list]}'), findings: [{ line: 6, messageId: 'readsSecrets', data: { verbs: 'get, list' } }] },
    { name: 'list is not narrowed by resourceNames', yaml: role('{apiGroups: [""], resources: [secrets], resourceNames: [tls], verbs: [get, list]}'), findings: [{ line: 6, messageId: 'readsNamedSecrets', data: { verbs: 'list' } }] },
    { name: 'wildcard resources', yaml: role('{apiGroups: ["*"], resources: ["*"], verbs: [watch]}'), findings: [{ line: 6, messageId: 'readsEverything', data: { verbs: 'watch' } }] },
    { name: 'verbs option', yaml: role('{apiGroups: [""], resources: [secrets], verbs: [update]}'), options: { verbs: ['get', 'update'] }, findings: [{ line: 6, messageId: 'readsSecrets', data: { verbs: 'update' } }] },
  ],
});

// The permission lives in the Role, so the finding points at its rule; a Role with no binding in the
// input (bound elsewhere, or later) is still flagged.
kubeLinterParity('access-to-secrets', 'secrets-access', {
  expectDifferences: { reason: 'the Role that reads Secrets is flagged, not the RoleBinding that binds it', notFlagged: ['RoleBinding/role-binding1'], alsoFlagged: ['Role/role1'] },
});
