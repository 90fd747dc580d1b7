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

kubeLinterParity('wildcard-in-rules', 'wildcard-rbac-rules');

describe.skipIf(!hasShared)(`wildcard-rbac-rules on kube-linter's wildcard-in-rules fixture ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the Role with verbs ["*"] and not the one with [get]', async () => {
    // Both Roles of the fixture are named role1, so tell them apart by line: the wildcard one is the second.
    const { findings } = await lintWithOnly(kubeLinterFixturePath('wildcard-in-rules'), 'wildcard-rbac-rules');
    expect(findings.map((f) => [f.object?.kind, f.line])).toEqual([['Role', 20]]);
  });
});
