import { kubeLinterParity } from '../helpers/kube-linter.js';
import { ruleTester, yaml } from '../helpers/rule-tester.js';

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
    { name: 'PORT twice', yaml: pod('HOST', 'PORT'), findings: [{ line: 15, column: 8, messageId: 'repeated', data: { container: 'container "web"', name: 'PORT', first: 0 } }] },
    { name: 'PORT three times', yaml: pod('PORT', 'PORT'), findings: [{ line: 14 }, { line: 15 }] },
  ],
});

// The fixture's objects have no metadata.name, which the API server rejects, so kubeknit reports
// them as invalid-object and lints them no further. Named, they must give kube-linter's result.
kubeLinterParity('duplicate-env-var', 'duplicate-env-var', {
  editFixture: (text) => {
    let n = 0;
    return text.replace(/^kind: (\w+)$/gm, (line) => `${line}\nmetadata: {name: fixture-${++n}}`);
  },
});
