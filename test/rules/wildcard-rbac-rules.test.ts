import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kubeLinterFixturePath, kubeLinterParity, lintWithOnly } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const role = (resources: string, verbs: string) => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata: {name: ops}
  rules:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get]
  - apiGroups: [""]
    resources: ${resources}
    verbs: ${verbs}
`;

ruleTester('wildcard-rbac-rules', {
  valid: [{ name: 'explicit resources and verbs', yaml: role('[pods]', '[get, list]') }],
  invalid: [
    { name: 'wildcard verb', yaml: role('[pods]', '[get, "*"]'), findings: [{ line: 10, column: 16, messageId: 'wildcardVerbs', data: { rule: 'rules[1]' } }] },
    { name: 'wildcard resource and verb', yaml: role('["*"]', '["*"]'), findings: [{ line: 9, messageId: 'wildcardResources' }, { line: 10, messageId: 'wildcardVerbs' }] },
  ],
});

// The fixture defines Role "role1" twice; a repeated object counts once (its first definition) and
// duplicate-object reports the copy. Renaming the second (the wildcard one) keeps both Roles linted.
const renameSecondRole = (text: string) => text.replace(/(name: role1[\s\S]*?)name: role1/, '$1name: role2');

kubeLinterParity('wildcard-in-rules', 'wildcard-rbac-rules', { editFixture: renameSecondRole, kubeLinterFlags: ['Role/role2'] });

describe.skipIf(!hasShared)(`wildcard-rbac-rules on kube-linter's wildcard-in-rules fixture ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the Role with verbs ["*"] and not the one with [get]', async () => {
    const fixture = kubeLinterFixturePath('wildcard-in-rules');
    const { findings } = await lintWithOnly(fixture, 'wildcard-rbac-rules', undefined, renameSecondRole(readFileSync(fixture, 'utf8')));
    expect(findings.map((f) => [f.object?.name, f.line])).toEqual([['role2', 20]]);
  });
});
