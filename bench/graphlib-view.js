// Benchmark: what the graphlib view of the graph costs (docs/architecture.md quotes it).
// KnitGraph keeps its own node and edge lists and fills graphlib on first use; this measures that
// fill and the neighbourhood queries run on graphlib, on the generated corpus of bench/graph.js.
// Run with `npm run build && node bench/graphlib-view.js [objects]`. Not a test.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(fileURLToPath(dist))) {
  console.error('bench/graphlib-view.js: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { loadInputs, ObjectSet } = await import(new URL('src/load/index.js', dist).href);
const { buildGraph } = await import(new URL('src/graph/build.js', dist).href);
const { neighbourhood, viewGraph } = await import(new URL('src/graph/view.js', dist).href);

const wanted = Number(process.argv[2] ?? 10000);
const docs = [];
for (let i = 0; i < Math.ceil(wanted / 4); i++) {
  const ns = `team-${i % 40}`;
  const name = `app-${i}`;
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${ns}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      serviceAccountName: ${name}
      containers: [{name: main, image: "r/${name}:1", envFrom: [{configMapRef: {name: ${name}}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: ${ns}}
spec: {selector: {app: ${name}}, ports: [{port: 80}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: ${ns}}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: ${name}, namespace: ${ns}}
`);
}
const objects = new ObjectSet(loadInputs([], { inline: [{ file: 'bench.yaml', text: docs.join('---\n') }] }).objects);

const time = (fn) => {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const runs = { build: [], fill: [], view: [], depth1: [], depth2: [] };
let size;
for (let round = 0; round < 5; round++) {
  const graph = time(() => buildGraph(objects));
  runs.build.push(graph.ms);
  runs.fill.push(time(() => graph.value.graphlib).ms);
  runs.view.push(time(() => viewGraph(graph.value)).ms);
  const ids = graph.value.nodes().filter((_, i) => i % 97 === 0).map((n) => n.id).slice(0, 100);
  runs.depth1.push(time(() => ids.forEach((id) => neighbourhood(graph.value, id, 1))).ms / ids.length);
  runs.depth2.push(time(() => ids.slice(0, 10).forEach((id) => neighbourhood(graph.value, id, 2))).ms / 10);
  size = { nodes: graph.value.nodes().length, edges: graph.value.edges().length };
}
console.log(`graphlib view: ${objects.size} objects, ${size.nodes} nodes, ${size.edges} edges, median of 5 runs`);
console.log(`  graph build (own lists):        ${median(runs.build).toFixed(0)} ms`);
console.log(`  graphlib fill (first use):      ${median(runs.fill).toFixed(0)} ms`);
console.log(`  viewGraph, whole graph:         ${median(runs.view).toFixed(0)} ms`);
console.log(`  neighbourhood depth 1 (--focus): ${median(runs.depth1).toFixed(2)} ms per node`);
console.log(`  neighbourhood depth 2:          ${median(runs.depth2).toFixed(2)} ms per node`);
