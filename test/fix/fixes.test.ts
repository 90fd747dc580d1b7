import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { lintAndFix } from '../../src/fix/lint-fix.js';
import type { FixType } from '../../src/fix/types.js';
import type { LintOptions } from '../../src/index.js';

/** Every other fixable rule off, so a case sees only the fix it is about. */
function onlyFixesOf(ruleId: string): LintOptions['rules'] {
  return Object.fromEntries(RULES.filter((r) => r.fixable && r.id !== ruleId).map((r) => [r.id, 'off' as const]));
}

interface FixCase {
  name: string;
  rule: string;
  type: FixType;
  text: string;
  /** Lines the fix removes and adds, in order (context lines are not listed). */
  removed: string[];
  added: string[];
  kubernetesVersion?: string;
}

async function fixOnce(c: FixCase, text: string) {
  const options: LintOptions = { inline: [{ file: 'case.yaml', text }], preset: 'all', rules: onlyFixesOf(c.rule), kubernetesVersion: c.kubernetesVersion };
  const before = (await lintAndFix([], { ...options, rules: { ...options.rules } }, [])).result.findings;
  const run = await lintAndFix([], options, [c.type]);
  return { before, run };
}

/** Findings per rule and object: a fix may move a finding to the reshaped field, but must not add one. */
function counts(findings: ReadonlyArray<{ ruleId: string; object: { kind: string; name: string } | null }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) {
    const key = `${f.ruleId} ${f.object?.kind}/${f.object?.name}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

const CASES: FixCase[] = [
  {
    name: 'schema-violation: renames a misspelt field to its one close match, keeping its value and comment',
    rule: 'schema-violation', type: 'problem',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolice: Always   # pull on every start
`,
    removed: ['      imagePullPolice: Always   # pull on every start'],
    added: ['      imagePullPolicy: Always   # pull on every start'],
  },
  {
    name: 'schema-violation: writes an enum value in the right case, in a flow mapping',
    rule: 'schema-violation', type: 'problem',
    text: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 53, protocol: udp}]   # dns
`,
    removed: ['  ports: [{port: 53, protocol: udp}]   # dns'],
    added: ['  ports: [{port: 53, protocol: UDP}]   # dns'],
  },
  {
    name: 'schema-violation: quotes a number where the field takes text, exactly as written',
    rule: 'schema-violation', type: 'problem',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    tier: &tier backend
    release: 0644
data:
  copy: *tier
`,
    removed: ['    release: 0644'],
    added: ['    release: "0644"'],
  },
  {
    name: 'removed-api: Ingress extensions/v1beta1 → networking.k8s.io/v1 with backends and pathType reshaped',
    rule: 'removed-api', type: 'problem',
    text: `apiVersion: extensions/v1beta1  # legacy
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        backend:
          serviceName: api   # the API
          servicePort: 8080
`,
    removed: ['apiVersion: extensions/v1beta1  # legacy', '          serviceName: api   # the API', '          servicePort: 8080'],
    added: ['apiVersion: networking.k8s.io/v1  # legacy', '          service:', '            name: api', '            port:', '              number: 8080', '        pathType: ImplementationSpecific'],
  },
  {
    name: 'removed-api: CronJob batch/v1beta1 → batch/v1 changes the apiVersion only',
    rule: 'removed-api', type: 'problem',
    text: `apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: report, image: "report:1.0"}]
`,
    removed: ['apiVersion: batch/v1beta1'],
    added: ['apiVersion: batch/v1'],
  },
  {
    name: 'removed-api: PodDisruptionBudget policy/v1beta1 → policy/v1',
    rule: 'removed-api', type: 'problem',
    text: "apiVersion: 'policy/v1beta1'\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n",
    removed: ["apiVersion: 'policy/v1beta1'"],
    added: ["apiVersion: 'policy/v1'"],
  },
  {
    name: 'removed-api: HPA autoscaling/v2beta1 → v2 with the metric target reshaped',
    rule: 'removed-api', type: 'problem',
    text: `apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 5
  metrics:
  - type: Resource
    resource:
      name: cpu
      targetAverageUtilization: 70
`,
    removed: ['      targetAverageUtilization: 70', 'apiVersion: autoscaling/v2beta1'],
    added: ['apiVersion: autoscaling/v2', '      target:', '        type: Utilization', '        averageUtilization: 70'],
  },
  {
    name: 'removed-api: extensions/v1beta1 Deployment → apps/v1 with the defaulted selector written out',
    rule: 'removed-api', type: 'problem',
    text: `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
`,
    removed: ['apiVersion: extensions/v1beta1'],
    added: ['apiVersion: apps/v1', '  selector:', '    matchLabels:', '      app: web'],
  },
  {
    name: 'privilege-escalation-allowed (suggestion): adds allowPrivilegeEscalation: false to the container securityContext',
    rule: 'privilege-escalation-allowed', type: 'suggestion',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        readOnlyRootFilesystem: true   # keep
      ports:
        - containerPort: 8080
`,
    removed: [],
    added: ['        allowPrivilegeEscalation: false'],
  },
  {
    name: 'run-as-root (suggestion): creates the container securityContext with runAsNonRoot: true',
    rule: 'run-as-root', type: 'suggestion',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
    removed: [],
    added: ['    securityContext:', '      runAsNonRoot: true'],
  },
  {
    name: 'automount-service-account-token (suggestion): sets it on the Pod spec',
    rule: 'automount-service-account-token', type: 'suggestion',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: web, image: "nginx:1.27"}\n',
    removed: [],
    added: ['  automountServiceAccountToken: false'],
  },
  {
    name: 'drop-net-raw (suggestion): appends NET_RAW to an existing drop list',
    rule: 'drop-net-raw', type: 'suggestion',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop:\n        - SETUID\n',
    removed: [],
    added: ['        - NET_RAW'],
  },
  {
    name: 'drop-all-capabilities (suggestion): a drop list for a container without one',
    rule: 'drop-all-capabilities', type: 'suggestion',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web  # the shop\n    image: nginx:1.27\n',
    removed: [],
    added: ['    securityContext:', '      capabilities:', '        drop: [ALL]'],
  },
  {
    name: 'drop-all-capabilities (suggestion): "all" written as admission expects it, comment kept',
    rule: 'drop-all-capabilities', type: 'suggestion',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      capabilities:\n        drop: [all]  # hardening\n',
    removed: ['        drop: [all]  # hardening'],
    added: ['        drop: [ALL]  # hardening'],
  },
  {
    name: 'missing-seccomp-profile (suggestion): RuntimeDefault on the Pod, which covers every container',
    rule: 'missing-seccomp-profile', type: 'suggestion',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n  - name: log\n    image: busybox:1.36\n',
    removed: [],
    added: ['  securityContext:', '    seccompProfile:', '      type: RuntimeDefault'],
  },
  {
    name: 'service-target-port-mismatch (suggestion): points targetPort at the one port the selected containers declare',
    rule: 'service-target-port-mismatch', type: 'suggestion',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: htpp   # typo
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - {name: http, containerPort: 8080}
        readinessProbe: {httpGet: {path: /healthz, port: http}}
`,
    removed: ['    targetPort: htpp   # typo'],
    added: ['    targetPort: http   # typo'],
  },
];

describe('--fix: each fix changes exactly its lines, removes its finding, adds none, and is idempotent', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { before, run } = await fixOnce(c, c.text);
      expect(before.some((f) => f.ruleId === c.rule && f.fix)).toBe(true);
      const after = run.fixed.get('case.yaml')?.after;
      expect(after).toBeDefined();
      const parts = diffLines(c.text, after!);
      const lines = (p: { value: string }) => p.value.replace(/\n$/, '').split('\n');
      expect(parts.filter((p) => p.removed).flatMap(lines).sort()).toEqual([...c.removed].sort());
      expect(parts.filter((p) => p.added).flatMap(lines).sort()).toEqual([...c.added].sort());
      // The fixed rule no longer reports, and nothing new is reported.
      const remaining = run.result.findings;
      expect(remaining.filter((f) => f.ruleId === c.rule && f.fix)).toEqual([]);
      const known = counts(before);
      expect([...counts(remaining)].filter(([k, n]) => n > (known.get(k) ?? 0))).toEqual([]);
      // A second --fix changes nothing.
      const again = await fixOnce(c, after!);
      expect(again.run.fixed.size).toBe(0);
    });
  }
});

describe('--fix keeps the bytes it does not need', () => {
  it('keeps CRLF line ends and a byte-order mark, and writes new lines with CRLF', async () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web  # app\r\nspec:\r\n  containers:\r\n  - name: web\r\n    image: nginx:1.27\r\n';
    const { run } = await fixOnce({ name: '', rule: 'run-as-root', type: 'suggestion', text, removed: [], added: [] }, text);
    const after = run.fixed.get('case.yaml')!.after;
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('    securityContext:\r\n      runAsNonRoot: true\r\n');
    expect(after.replace(/^\uFEFF/, '').startsWith('apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: web  # app\r\n')).toBe(true);
  });

  it('leaves a file without fixable findings untouched, and offers no suggestion without --fix-type suggestion', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    const run = await lintAndFix([], { inline: [{ file: 'case.yaml', text }] }, ['problem']);
    expect(run.fixed.size).toBe(0);
    expect(run.result.findings.some((f) => f.ruleId === 'run-as-root')).toBe(true);
  });

  it('applies overlapping fixes over several passes instead of writing one key twice', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
    const run = await lintAndFix([], { inline: [{ file: 'case.yaml', text }], preset: 'all' }, ['suggestion']);
    const after = run.fixed.get('case.yaml')!.after;
    // One securityContext for the container (and one for the Pod, where the seccomp profile goes).
    expect(after.match(/^ {4}securityContext:$/gm)).toHaveLength(1);
    expect(after.match(/^ {2}securityContext:$/gm)).toHaveLength(1);
    expect(after).toContain('runAsNonRoot: true');
    expect(after).toContain('allowPrivilegeEscalation: false');
    // drop-all-capabilities and drop-net-raw both add to one drop list: ALL goes in, which satisfies both
    expect(after).toContain('drop: [ALL]');
    expect(after).not.toContain('NET_RAW');
    expect(run.passes).toBeGreaterThan(1);
  });
});
