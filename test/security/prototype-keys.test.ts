import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_RULE, lint } from '../../src/index.js';

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
