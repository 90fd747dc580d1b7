// Benchmark: graph build + every rule vs YAML parse, on a generated corpus of 10,000 objects.
// Run with `npm run build && npm run bench` (or `node bench/graph.js [objects]`). Not a test.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(fileURLToPath(dist))) {
  console.error('bench/graph.js: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { loadInputs, ObjectSet } = await import(new URL('src/load/index.js', dist).href);
const { buildGraph } = await import(new URL('src/graph/build.js', dist).href);
const { runRules } = await import(new URL('src/engine/run.js', dist).href);
const { presetSetting } = await import(new URL('src/engine/active-rules.js', dist).href);
const { RULES } = await import(new URL('rules/index.js', dist).href);

/** One application: 10 related objects, with a few deliberate mistakes so rules have work to report. */
function app(i, ns) {
  const name = `app-${i}`;
  const broken = i % 50 === 0;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}, labels: {app: ${name}}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}, tier: backend}}
    spec:
      serviceAccountName: ${name}
      containers:
      - name: main
        image: registry.example.com/${name}:1.${i}
        ports: [{name: http, containerPort: 8080}]
        env:
        - {name: NEXT, value: "app-${i + 1}:80"}
        - {name: CACHE, value: "redis://cache.${ns}.svc.cluster.local:6379"}
        - name: PASSWORD
          valueFrom: {secretKeyRef: {name: ${name}, key: ${broken ? 'passwd' : 'password'}}}
        envFrom: [{configMapRef: {name: ${name}}}]
        volumeMounts: [{name: config, mountPath: /etc/app}]
      volumes:
      - {name: config, configMap: {name: ${name}}}
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {app: ${broken ? 'nobody' : name}}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: ${ns}}
data: {LOG_LEVEL: info, app.yaml: "upstream: http://app-${i + 2}.${ns}.svc:80"}
---
apiVersion: v1
kind: Secret
metadata: {name: ${name}, namespace: ${ns}}
stringData: {password: change-me}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: ${ns}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${name}, namespace: ${ns}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: 2
  maxReplicas: 10
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${name}, namespace: ${ns}}
spec: {minAvailable: 1, selector: {matchLabels: {app: ${name}}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ${name}, namespace: ${ns}}
spec:
  podSelector: {matchLabels: {app: ${name}}}
  ingress:
  - from: [{podSelector: {matchLabels: {tier: backend}}}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: ${ns}}
spec:
  tls: [{secretName: ${name}}]
  rules:
  - host: ${name}.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: ${name}, port: {number: 80}}}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: ${name}, namespace: ${ns}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: ServiceAccount, name: ${name}}]
`;
}

function corpus(objects) {
  const apps = Math.ceil(objects / 10);
  const docs = [];
  for (let i = 0; i < apps; i++) docs.push(app(i, `team-${i % 40}`));
  return docs.join('---\n');
}

function time(fn) {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const wanted = Number(process.argv[2] ?? 10000);
const text = corpus(wanted);
const rules = RULES.map((rule) => ({ rule, ...presetSetting(rule, 'all') })).filter((a) => a.severity !== 'off');
const runs = { parse: [], graph: [], rules: [] };
let summary;
for (let round = 0; round < 5; round++) {
  const parsed = time(() => loadInputs([], { inline: [{ file: 'bench.yaml', text }] }));
  const objects = new ObjectSet(parsed.value.objects);
  const graph = time(() => buildGraph(objects));
  const findings = time(() => runRules({ objects, graph: graph.value, problems: parsed.value.problems, rules }));
  runs.parse.push(parsed.ms);
  runs.graph.push(graph.ms);
  runs.rules.push(findings.ms);
  summary = { objects: objects.size, nodes: graph.value.nodes().length, edges: graph.value.edges().length, findings: findings.value.length };
}
const parse = median(runs.parse);
const analysis = median(runs.graph) + median(runs.rules);
console.log(`kubeknit graph benchmark: ${summary.objects} objects (${(text.length / 1e6).toFixed(1)} MB of YAML), ${rules.length} rules, median of 5 runs`);
console.log(`  graph: ${summary.nodes} nodes, ${summary.edges} edges; ${summary.findings} findings`);
console.log(`  YAML parse (load):        ${parse.toFixed(0)} ms`);
console.log(`  graph build:              ${median(runs.graph).toFixed(0)} ms`);
console.log(`  all rules:                ${median(runs.rules).toFixed(0)} ms`);
console.log(`  graph + rules:            ${analysis.toFixed(0)} ms (${((analysis / parse) * 100).toFixed(0)}% of parse time)`);
if (analysis >= parse) {
  console.log('  FAIL: graph build + rules took longer than parsing the YAML');
  process.exitCode = 1;
}
