// Language server benchmark (not a test): a workspace of 2,000 objects in 200 files
// (`node bench/lsp.js --objects 5000` for another size, in files of 10 objects).
// Measures the initial load (initialized → first diagnostics) and, over many edits, the time from
// a didChange of one file to the publishDiagnostics for it. Run after `npm run build`.
// Wall times depend on machine load; the in-process CPU figure at the end does much less.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const OBJECTS_PER_FILE = 10;
const objectsArg = process.argv.indexOf('--objects');
const FILES = Math.ceil((objectsArg > 0 ? Number(process.argv[objectsArg + 1]) : 2000) / OBJECTS_PER_FILE);
if (!(FILES > 0)) throw new Error('usage: node bench/lsp.js [--objects N]');
const EDITS = 60;
const root = path.resolve(import.meta.dirname, '..');

/** Ten objects of one app: Deployment, Service, ServiceAccount, 3 ConfigMaps, 2 Secrets, a PVC and a PDB. */
function appFile(i, serviceApp = `app-${i}`) {
  const ns = `team-${i % 20}`;
  const doc = (kind, apiVersion, name, rest = '') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${rest}`;
  return [
    doc('Deployment', 'apps/v1', `app-${i}`, `spec:\n  replicas: 2\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      serviceAccountName: app-${i}\n      containers:\n        - name: app\n          image: app:${i}\n          ports: [{containerPort: 8080}]\n          envFrom: [{configMapRef: {name: app-${i}-env}}]\n          volumeMounts: [{name: data, mountPath: /data}]\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: app-${i}-data}\n`),
    doc('Service', 'v1', `app-${i}`, `spec:\n  selector:\n    app: ${serviceApp}\n  ports: [{port: 80, targetPort: 8080}]\n`),
    doc('ServiceAccount', 'v1', `app-${i}`),
    doc('ConfigMap', 'v1', `app-${i}-env`, 'data: {MODE: prod}\n'),
    doc('ConfigMap', 'v1', `app-${i}-files`, 'data: {a.conf: "x=1"}\n'),
    doc('ConfigMap', 'v1', `app-${i}-flags`, 'data: {FLAG: "on"}\n'),
    doc('Secret', 'v1', `app-${i}-token`, 'stringData: {token: t}\n'),
    doc('Secret', 'v1', `app-${i}-tls`, 'stringData: {tls.crt: c}\n'),
    doc('PersistentVolumeClaim', 'v1', `app-${i}-data`, 'spec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n'),
    doc('PodDisruptionBudget', 'policy/v1', `app-${i}`, `spec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: app-${i}}\n`),
  ].join('---\n');
}

const workspace = mkdtempSync(path.join(tmpdir(), 'kk-bench-lsp-'));
for (let i = 0; i < FILES; i++) writeFileSync(path.join(workspace, `app-${String(i).padStart(3, '0')}.yaml`), appFile(i, i === FILES - 1 ? 'nothing' : `app-${i}`));
const uriOf = (i) => pathToFileURL(path.join(workspace, `app-${String(i).padStart(3, '0')}.yaml`)).href;

const child = spawn(process.execPath, [path.join(root, 'bin/kubeknit.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', ({ uri, version }) => {
  const wake = waiting.get(uri);
  if (wake && (wake.version === undefined || wake.version === version)) {
    waiting.delete(uri);
    wake.resolve(performance.now());
  }
});
connection.listen();
const published = (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve }));

// The server's CPU time (Linux: /proc), which a busy machine inflates much less than wall time.
const serverCpuMs = () => {
  const stat = `/proc/${child.pid}/stat`;
  if (!existsSync(stat)) return NaN;
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 10 ms
};
const spawnedAt = performance.now();
await connection.sendRequest('initialize', {
  processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {},
  workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
  initializationOptions: { debounceMs: 0 },
});
const initializedAt = performance.now();
const firstDiagnostics = published(uriOf(FILES - 1));
const cpuAtInitialized = serverCpuMs();
await connection.sendNotification('initialized', {});
const loadedAt = await firstDiagnostics;
const initialLoadCpu = serverCpuMs() - cpuAtInitialized;

// Edit one file back and forth: its Service selects its Deployment, then nothing, then it again.
const target = 7;
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(target), languageId: 'yaml', version: 1, text: appFile(target) } });
await published(uriOf(target), 1);
const cpuBefore = serverCpuMs();
const times = [];
for (let v = 2; v < EDITS + 2; v++) {
  const text = appFile(target, v % 2 ? `app-${target}` : 'nothing');
  const done = published(uriOf(target), v);
  const sentAt = performance.now();
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(target), version: v }, contentChanges: [{ text }] });
  times.push((await done) - sentAt);
}
const serverCpuPerEdit = (serverCpuMs() - cpuBefore) / EDITS;
times.sort((a, b) => a - b);
const at = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`workspace: ${FILES} files, ${FILES * OBJECTS_PER_FILE} objects`);
console.log(`start-up (spawn → initialize answered): ${ms(initializedAt - spawnedAt)}`);
console.log(`initial load (initialized → diagnostics published): ${ms(loadedAt - initializedAt)}, server CPU ${ms(initialLoadCpu)}`);
console.log(`didChange → publishDiagnostics over ${EDITS} edits (debounce 0; editors add the 150 ms default): median ${ms(at(times, 0.5))}, p90 ${ms(at(times, 0.9))}, p95 ${ms(at(times, 0.95))}, min ${ms(times[0])}`);
console.log(`server CPU per edit (mean over ${EDITS} edits): ${ms(serverCpuPerEdit)}`);

// The same edit in-process, without the protocol: wall and CPU time of re-parse + re-analysis.
const { Workspace } = await import(pathToFileURL(path.join(root, 'dist/src/lsp/workspace.js')).href);
const inProcess = new Workspace();
inProcess.addRoot(workspace);
inProcess.analyze();
const wall = [];
const cpu = [];
for (let v = 0; v < EDITS; v++) {
  const before = process.cpuUsage();
  const startedAt = performance.now();
  inProcess.setText(path.join(workspace, 'app-007.yaml'), appFile(target, v % 2 ? `app-${target}` : 'nothing'));
  inProcess.analyze();
  wall.push(performance.now() - startedAt);
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
wall.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`in-process re-parse + analyze of one edit: median ${ms(at(wall, 0.5))} wall, ${ms(at(cpu, 0.5))} CPU; p95 ${ms(at(wall, 0.95))} wall, ${ms(at(cpu, 0.95))} CPU`);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
child.kill();
rmSync(workspace, { recursive: true, force: true });
