// Schema validation cost vs YAML parse time on a generated 10,000-object corpus.
// Run after a build: `npm run build && node bench/schema.js [objects]`.
import { performance } from 'node:perf_hooks';
import { parseManifestText } from '../dist/src/load/parse.js';
import { ObjectSet } from '../dist/src/load/object-set.js';
import { SchemaRegistry } from '../dist/src/schema/registry.js';

const count = Number(process.argv[2] ?? 10_000);

const templates = [
  (i) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 20}
  labels: {app: app-${i}, tier: backend}
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}, tier: backend}
    spec:
      serviceAccountName: sa-${i}
      containers:
      - name: app
        image: registry.example.com/app:${i}
        imagePullPolicy: IfNotPresent
        args: ["--port=8080", "--verbose"]
        ports:
        - {name: http, containerPort: 8080, protocol: TCP}
        env:
        - {name: MODE, value: production}
        - name: PASSWORD
          valueFrom: {secretKeyRef: {name: secret-${i}, key: password}}
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: "1", memory: 256Mi}
        readinessProbe:
          httpGet: {path: /ready, port: http}
          periodSeconds: 10
        volumeMounts:
        - {name: config, mountPath: /etc/app}
      volumes:
      - name: config
        configMap: {name: config-${i}}
`,
  (i) => `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  type: ClusterIP
  selector: {app: app-${i}}
  ports:
  - {name: http, port: 80, targetPort: http, protocol: TCP}
`,
  (i) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: team-${i % 20}
data:
  app.properties: |
    mode=production
    id=${i}
`,
  (i) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  ingressClassName: nginx
  rules:
  - host: app-${i}.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: app-${i}, port: {number: 80}}
`,
  (i) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-${i}
  namespace: team-${i % 20}
spec:
  serviceName: db-${i}
  replicas: 3
  selector: {matchLabels: {app: db-${i}}}
  template:
    metadata: {labels: {app: db-${i}}}
    spec:
      containers:
      - name: db
        image: postgres:16
        ports: [{containerPort: 5432}]
        volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
`,
];

const text = Array.from({ length: count }, (_, i) => templates[i % templates.length](i)).join('---\n');

const cpu = () => process.cpuUsage().user / 1000;
let t = performance.now();
let c = cpu();
const parsed = parseManifestText('bench.yaml', text);
const parseMs = performance.now() - t;
const parseCpu = cpu() - c;

t = performance.now();
c = cpu();
const registry = new SchemaRegistry(new ObjectSet(parsed.objects), {});
let problems = 0;
for (const obj of parsed.objects) {
  const lookup = registry.lookup(obj);
  if (lookup.status === 'schema') problems += lookup.validate().length;
}
const validateMs = performance.now() - t;
const validateCpu = cpu() - c;

console.log(`objects: ${parsed.objects.length} (${(text.length / 1024 / 1024).toFixed(1)} MB of YAML), schema problems: ${problems}`);
console.log(`YAML parse:         ${parseMs.toFixed(0)} ms wall, ${parseCpu.toFixed(0)} ms CPU`);
console.log(`schema validation:  ${validateMs.toFixed(0)} ms wall, ${validateCpu.toFixed(0)} ms CPU (cold: ajv load, schema read and compilation included)`);
console.log(`validation / parse: ${(validateCpu / parseCpu).toFixed(2)} (CPU)`);
