import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDGE_BUILDERS } from '../../src/graph/edges/index.js';
import type { EdgeBuilder } from '../../src/graph/edges/types.js';
import { INTERNAL_ERROR_RULE, lint } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

// Names of Object.prototype members: input that uses them as kinds, versions, keys or values must be
// read as plain data (a table lookup by such a name once returned a function and crashed a rule).
const PROTO_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

function manifests(name: string): string {
  return `apiVersion: v1
kind: ${name}
metadata: {name: a}
---
apiVersion: ${name}
kind: Pod
metadata: {name: b}
spec: {containers: [{name: c, image: nginx}]}
---
apiVersion: ${name}/v1
kind: ${name}
metadata: {name: c}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  namespace: ${name}
  labels: {${name}: x, app: {${name}: x}}
  annotations: {${name}: x}
spec:
  selector: {matchLabels: {${name}: x}}
  template:
    metadata: {labels: {${name}: x}}
    spec:
      serviceAccountName: ${name}
      volumes: [{name: ${name}, configMap: {name: ${name}}}, {name: v, ${name}: {}}]
      containers:
      - name: ${name}
        image: ${name}
        ports: [{name: ${name}, containerPort: 80, protocol: ${name}}]
        env: [{name: ${name}, valueFrom: {configMapKeyRef: {name: ${name}, key: ${name}}}}]
        resources: {limits: {${name}: "1", cpu: {${name}: 1}}}
        securityContext: {capabilities: {add: [${name}]}}
---
apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  type: ${name}
  selector: {${name}: x}
  ports: [{port: 80, targetPort: ${name}, protocol: ${name}}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: rb}
roleRef: {kind: ${name}, name: ${name}, apiGroup: rbac.authorization.k8s.io}
subjects: [{kind: ${name}, name: ${name}}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np}
spec:
  podSelector: {matchExpressions: [{key: ${name}, operator: ${name}, values: [${name}]}]}
  policyTypes: [${name}]
`;
}

describe('names of Object.prototype members in the input', () => {
  for (const name of PROTO_NAMES) {
    it(`"${name}" anywhere in a manifest is data: no rule fails, the run completes`, async () => {
      const result = await lint([], { preset: 'all', inline: [{ file: 'proto.yaml', text: manifests(name) }] });
      const failures = result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE).map((f) => f.message);
      expect(failures).toEqual([]);
      expect(result.objects.length).toBe(7);
    });
  }
});

/**
 * A mapping whose `toString` (or `valueOf`) key is not a function makes `String(value)` and
 * `${value}` throw. Put one in every scalar slot of a real manifest: each run completes, no rule
 * and no graph builder fails, and no message shows "[object Object]".
 */
describe('a mapping with a toString key where a scalar belongs', () => {
  const seed = readFileSync(path.join(REPO_ROOT, 'examples/shop/web.yaml'), 'utf8').split('\n');
  const slots = seed.flatMap((line, i) => (/^\s*(- )?[\w.-]+: ?\S/.test(line) ? [i] : []));
  for (const hostile of ['{toString: x}', '{valueOf: 1, toString: [1]}']) {
    it(`${hostile} in each of ${slots.length} slots of examples/shop/web.yaml`, async () => {
      const failures: string[] = [];
      for (const i of slots) {
        const lines = [...seed];
        lines[i] = lines[i].replace(/^(\s*(?:- )?[\w.-]+: ?).*$/, `$1${hostile}`);
        const result = await lint([], { preset: 'all', inline: [{ file: 'web.yaml', text: lines.join('\n') }] });
        for (const f of result.findings) {
          if (f.ruleId === INTERNAL_ERROR_RULE || f.message.includes('[object Object]')) failures.push(`line ${i + 1}: ${f.ruleId}: ${f.message}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('an edge builder that throws', () => {
  it('costs its relationships, not the run: an internal-error finding, and the rules still report', async () => {
    const failing: EdgeBuilder = function brokenEdges() {
      throw new TypeError('Cannot convert object to primitive value');
    };
    const builders = EDGE_BUILDERS as EdgeBuilder[];
    builders.push(failing);
    try {
      const result = await lint([], { inline: [{ file: 'a.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n' }] });
      expect(result.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE).map((f) => f.message)).toEqual([expect.stringContaining("the graph's brokenEdges failed: Cannot convert object to primitive value")]);
      expect(result.findings.map((f) => f.ruleId)).toContain('dangling-service-selector');
    } finally {
      builders.splice(builders.indexOf(failing), 1);
    }
  });
});
