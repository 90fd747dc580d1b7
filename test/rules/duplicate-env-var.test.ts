import { describe, expect, it } from 'vitest';
import { flaggedObjects, kindsOf, kubeLinterFixture, kubeLinterFlaggedKinds } from '../helpers/kube-linter-parity-ops.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON } from '../helpers/shared.js';

const pod = (first: string, second: string) => yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: web}
  spec:
    initContainers:
    - name: init
      image: busybox:1.36
      env: [{name: PORT, value: "1"}]
    containers:
    - name: web
      image: web:1.4
      env:
      - {name: PORT, value: "8080"}
      - {name: ${first}, value: "x"}
      - {name: ${second}, value: "9090"}
`;

ruleTester('duplicate-env-var', {
  valid: [
    { name: 'distinct names (the same name in another container is fine)', yaml: pod('HOST', 'MODE') },
    { name: 'names differ in case', yaml: pod('port', 'Port') },
  ],
  invalid: [
    { name: 'PORT twice', yaml: pod('HOST', 'PORT'), findings: [{ line: 15, column: 8, message: 'container "web" sets PORT again (first at env[0])' }] },
    { name: 'PORT three times', yaml: pod('PORT', 'PORT'), findings: [{ line: 14 }, { line: 15 }] },
  ],
});

describe.skipIf(!hasShared)(`duplicate-env-var: parity with kube-linter duplicate-env-var ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('flags the same containers once metadata.name is added', async () => {
    // The fixture's objects have no metadata.name, which the API server rejects, so kubeknit reports
    // them as invalid-object and lints them no further. Named, they must give kube-linter's result.
    let n = 0;
    const named = kubeLinterFixture('duplicate-env-var.yaml').replace(/^kind: (\w+)$/gm, (line) => `${line}\nmetadata: {name: fixture-${++n}}`);
    const { findings, objects } = await flaggedObjects('duplicate-env-var', named);
    expect(kindsOf(objects)).toEqual(kubeLinterFlaggedKinds('duplicate-env-var'));
    expect(findings.map((f) => f.message.match(/container "([^"]+)"/)?.[1])).toEqual(['fire-deployment', 'fire-stateful']);
  });
});
