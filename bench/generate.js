// Generates reproducible manifest corpora for benchmarks: realistic mixes of kinds with
// relationships between them (and a few broken references), in files of 1–50 documents.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32), so every run generates the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const resources = (rnd) => `          resources:
            requests: {cpu: ${50 + Math.floor(rnd() * 400)}m, memory: ${64 + Math.floor(rnd() * 448)}Mi}
            limits: {memory: ${512 + Math.floor(rnd() * 512)}Mi}`;

/** One application: about 11 objects that reference each other. */
function application(ns, name, rnd) {
  const broken = rnd() < 0.05; // some apps carry a mistake, as real repositories do
  const selector = broken ? `${name}-typo` : name;
  const docs = [];
  docs.push(`apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  LOG_LEVEL: info
  UPSTREAM_URL: http://${name}-api.${ns}.svc.cluster.local:8080
`);
  docs.push(`apiVersion: v1
kind: Secret
metadata:
  name: ${name}-credentials
  namespace: ${ns}
type: Opaque
stringData:
  password: not-a-real-password
`);
  docs.push(`apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
  namespace: ${ns}
`);
  docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels: {app.kubernetes.io/name: ${name}, app.kubernetes.io/part-of: ${ns}}
spec:
  replicas: ${1 + Math.floor(rnd() * 4)}
  selector:
    matchLabels: {app.kubernetes.io/name: ${name}}
  template:
    metadata:
      labels: {app.kubernetes.io/name: ${name}, tier: web}
    spec:
      serviceAccountName: ${name}
      securityContext: {runAsNonRoot: true, runAsUser: 10001}
      containers:
        - name: app
          image: registry.example.com/${ns}/${name}:1.${Math.floor(rnd() * 20)}.${Math.floor(rnd() * 10)}
          ports:
            - {name: http, containerPort: 8080}
          envFrom:
            - configMapRef: {name: ${name}-config}
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: ${name}-credentials, key: password}
          readinessProbe:
            httpGet: {path: /ready, port: http}
          livenessProbe:
            httpGet: {path: /live, port: http}
          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}
${resources(rnd)}
          volumeMounts:
            - {name: cache, mountPath: /cache}
      volumes:
        - name: cache
          emptyDir: {}
`);
  docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector: {app.kubernetes.io/name: ${selector}}
  ports:
    - {name: http, port: 80, targetPort: http}
`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  ingressClassName: nginx
  rules:
    - host: ${name}.${ns}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: ${name}, port: {name: http}}
`);
  docs.push(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels: {app.kubernetes.io/name: ${name}}
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector: {matchLabels: {tier: web}}
`);
  docs.push(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}-data
  namespace: ${ns}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests: {storage: ${1 + Math.floor(rnd() * 50)}Gi}
`);
  docs.push(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}-report
  namespace: ${ns}
spec:
  schedule: "${Math.floor(rnd() * 60)} ${Math.floor(rnd() * 24)} * * *"
  startingDeadlineSeconds: 300
  jobTemplate:
    spec:
      ttlSecondsAfterFinished: 3600
      template:
        spec:
          restartPolicy: OnFailure
          serviceAccountName: ${name}
          containers:
            - name: report
              image: registry.example.com/${ns}/${name}-report:2.${Math.floor(rnd() * 9)}.0
${resources(rnd).replace(/^ {10}/gm, '              ')}
              volumeMounts:
                - {name: data, mountPath: /data}
          volumes:
            - name: data
              persistentVolumeClaim: {claimName: ${name}-data}
`);
  docs.push(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${name}-view
  namespace: ${ns}
subjects:
  - {kind: ServiceAccount, name: ${name}, namespace: ${ns}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
`);
  return docs;
}

/** Writes a corpus of about `objects` objects under `dir`; returns { files, objects, bytes }. */
export function generateCorpus(dir, objects, seed = 42) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rnd = random(seed);
  const docs = [];
  for (let app = 0; docs.length < objects; app++) {
    const ns = `team-${app % Math.max(1, Math.floor(objects / 500))}`;
    docs.push(...application(ns, `app-${app}`, rnd));
  }
  docs.length = objects;
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < docs.length; ) {
    const size = 1 + Math.floor(rnd() * 50);
    const text = docs.slice(i, i + size).join('---\n');
    const sub = path.join(dir, `part-${files % 20}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `manifests-${files}.yaml`), text);
    bytes += Buffer.byteLength(text);
    files++;
    i += size;
  }
  return { files, objects: docs.length, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/corpora/10000', count = '10000'] = process.argv.slice(2);
  console.log(generateCorpus(dir, Number(count)));
}
