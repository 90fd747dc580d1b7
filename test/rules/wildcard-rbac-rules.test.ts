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
    { name: 'wildcard verb', yaml: role('[pods]', '[get, "*"]'), findings: [{ line: 10, column: 16, message: 'grants "*" in verbs of rules[1]' }] },
    { name: 'wildcard resource and verb', yaml: role('["*"]', '["*"]'), findings: [{ line: 9, message: 'every resource' }, { line: 10, message: 'every verb' }] },
  ],
});

// kube-linter's fixture names both Roles role1 (it checks each object alone). To kubeknit the second is a
// repeated definition, which gets duplicate-object and nothing else (#16), so the [get] Role is renamed.
const distinctRoles = (text: string) => text.replace('name: role1', 'name: dont-fire-role1');

kubeLinterParity('wildcard-in-rules', 'wildcard-rbac-rules', { editFixture: distinctRoles });

describe.skipIf(!hasShared)(`wildcard-rbac-rules on kube-linter's wildcard-in-rules fixture ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the Role with verbs ["*"] and not the one with [get]', async () => {
    // Tell the Roles apart by line: the wildcard one is the second.
    const file = kubeLinterFixturePath('wildcard-in-rules');
    const { findings } = await lintWithOnly(file, 'wildcard-rbac-rules', undefined, distinctRoles(readFileSync(file, 'utf8')));
    expect(findings.map((f) => [f.object?.kind, f.line])).toEqual([['Role', 20]]);
  });
});
