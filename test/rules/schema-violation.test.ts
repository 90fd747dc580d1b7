import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleTester, yaml } from '../helpers/rule-tester.js';
import { REPO_ROOT } from '../helpers/shared.js';

const crd = readFileSync(path.join(REPO_ROOT, 'test/fixtures/schema-violation/widget-crd.yaml'), 'utf8');
const CRD_LINES = crd.split('\n').length - 1;
const rangeCrd = readFileSync(path.join(REPO_ROOT, 'test/fixtures/schema-violation/range-crd.yaml'), 'utf8');
const RANGE_LINES = rangeCrd.split('\n').length - 1;

/** A Pod with one container; `extra` lines start at line 8 (container fields indented by 4). */
const pod = (extra: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n${extra}\n`;

ruleTester('schema-violation', {
  valid: [
    { name: 'a complete Deployment', yaml: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, labels: {app: web}, creationTimestamp: null}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: nginx:1.27
              imagePullPolicy: IfNotPresent
              args: null
              ports: [{containerPort: 8080, protocol: TCP}]
              resources: {limits: {memory: 512Mi, cpu: 1}, requests: {cpu: 250m, memory: 256000}}
      status: {}
    ` },
    { name: 'int-or-string accepts both forms', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: 8080}, {name: b, port: 81, targetPort: http}]\n' },
    { name: 'a custom resource that matches its CRD', yaml: `${crd}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 2, color: red, port: http, extra: {anything: [1]}}\n` },
    { name: 'CEL rules of the CRD that hold (transition rules on oldSelf are skipped)', yaml: `${rangeCrd}---\napiVersion: example.com/v1\nkind: Range\nmetadata: {name: r}\nspec: {min: 1, max: 5, name: r-1}\n` },
    { name: 'the oldest embedded version, 1.23', yaml: pod('    imagePullPolicy: Always'), run: { kubernetesVersion: '1.23' } },
  ],
  invalid: [
    {
      name: 'unknown field with the closest known name',
      yaml: pod('    imagePullPolice: Always'),
      findings: [{ line: 8, column: 5, messageId: 'unknownFieldDidYouMean', data: { field: 'imagePullPolice', at: 'spec.containers[0]', suggestion: 'imagePullPolicy' } }],
    },
    {
      name: 'wrong type: expected and found',
      yaml: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: "three"
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec: {containers: [{name: web, image: nginx}]}
      `,
      findings: [{ line: 5, column: 3, messageId: 'wrongType', data: { at: 'spec.replicas', expected: 'an integer', found: '"three"' } }],
    },
    {
      name: 'enum: the allowed values',
      yaml: pod('    ports: [{containerPort: 80, protocol: TPC}]'),
      findings: [{ line: 8, messageId: 'notAllowedValue', data: { at: 'spec.containers[0].ports[0].protocol', allowed: '"TCP", "UDP", "SCTP"', found: '"TPC"' } }],
    },
    {
      name: 'missing required field, at the parent',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    ports: [{name: http}]\n',
      findings: [{ line: 7, messageId: 'missingField', data: { at: 'spec.containers[0].ports[0]', field: 'containerPort' } }],
    },
    {
      name: 'a quantity the API cannot parse',
      yaml: pod('    resources: {limits: {memory: 512MB}}'),
      findings: [{ line: 8, messageId: 'notAQuantity', data: { at: 'spec.containers[0].resources.limits.memory', found: '"512MB"' } }],
    },
    {
      name: 'list-map duplicate: two containers with one name',
      yaml: pod('  - name: web\n    image: busybox'),
      findings: [{ line: 8, messageId: 'duplicateListKey', data: { at: 'spec.containers[1]', key: 'name="web"', first: 'spec.containers[0]', keys: 'name' } }],
    },
    {
      name: 'one finding per problem (no cascade from the nullable wrapper or enum + type)',
      yaml: pod('    securityContext: {runAsUser: root}\n    imagePullPolicy: 3'),
      findings: [{ line: 8, messageId: 'wrongType', data: { at: 'spec.containers[0].securityContext.runAsUser', expected: 'an integer', found: '"root"' } }, { line: 9, messageId: 'wrongType', data: { at: 'spec.containers[0].imagePullPolicy', expected: 'a string', found: '3' } }],
    },
    {
      name: 'a custom resource that breaks its CRD',
      yaml: `${crd}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, lables: {}}\nspec: {color: green, sise: 1}\n`,
      findings: [
        { line: CRD_LINES + 4, messageId: 'unknownFieldDidYouMean', data: { field: 'lables', at: 'metadata', suggestion: 'labels' } },
        { line: CRD_LINES + 5, messageId: 'missingField', data: { at: 'spec', field: 'size' } },
        { line: CRD_LINES + 5, messageId: 'notAllowedValue', data: { at: 'spec.color', allowed: '"red", "blue"', found: '"green"' } },
        { line: CRD_LINES + 5, messageId: 'unknownFieldDidYouMean', data: { field: 'sise', at: 'spec', suggestion: 'size' } },
      ],
    },
    {
      name: 'CEL rules of the CRD that fail, with the rule\'s message or the rule itself',
      yaml: `${rangeCrd}---\napiVersion: example.com/v1\nkind: Range\nmetadata: {name: r}\nspec:\n  min: 7\n  max: 5\n  name: x\n`,
      findings: [{ line: RANGE_LINES + 5, messageId: 'celRuleMessage', data: { ruleMessage: 'min must not be above max' } }, { line: RANGE_LINES + 8, messageId: 'celRuleFailed', data: { rule: "self.startsWith('r-')" } }],
    },
    {
      name: 'an unknown field with no close name lists the known ones of a small schema',
      yaml: pod('    ports: [{containerPort: 80, weight: 1}]'),
      findings: [{ line: 8, messageId: 'unknownFieldKnownFields', data: { field: 'weight', at: 'spec.containers[0].ports[0]', known: 'containerPort, hostIP, hostPort, name, protocol' } }],
    },
    {
      name: 'a mapping where a string goes is named as such, never [object Object]',
      yaml: pod('    imagePullPolicy: {always: true}'),
      findings: [{ line: 8, messageId: 'wrongType', data: { at: 'spec.containers[0].imagePullPolicy', expected: 'a string', found: 'a mapping' }, message: 'spec.containers[0].imagePullPolicy must be a string, found a mapping' }],
    },
    {
      name: 'a field newer than the target version',
      yaml: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: gated}
        spec:
          schedulingGates: [{name: example.com/wait}]
          containers: [{name: web, image: nginx}]
      `,
      run: { kubernetesVersion: '1.25' },
      findings: [{ line: 5, messageId: 'unknownField', data: { field: 'schedulingGates', at: 'spec' } }],
    },
  ],
});
