import { describe, expect, it } from 'vitest';
import { dependentsOf } from '../../src/graph/impact.js';
import { runCli } from '../helpers/cli.js';
import { graphOf } from './build-graph.js';

const app = `apiVersion: v1
kind: Secret
metadata:
  name: db-password
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: unrelated
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        - name: api
          image: registry.example/api:2.1
          env:
            - name: PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db-password
                  key: password
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector:
    app: api
  ports:
    - port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: api
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  selector:
    matchLabels:
      app: worker
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
        - name: worker
          image: registry.example/worker:2.1
`;

describe('dependentsOf (graph --impact)', () => {
  it('follows edges backwards: the Secret → the Pods using it → their Deployment, Service and Ingress', () => {
    const graph = graphOf(app);
    const ids = [...dependentsOf(graph, 'Secret/default/db-password')].filter((id) => !id.includes('#')).sort();
    expect(ids).toEqual(['Deployment/default/api', 'Ingress/default/api', 'Secret/default/db-password', 'Service/default/api']);
  });

  it('an object nothing depends on stands alone; an unknown id has no dependents', () => {
    const graph = graphOf(app);
    expect([...dependentsOf(graph, 'ConfigMap/default/unrelated')]).toEqual(['ConfigMap/default/unrelated']);
    expect(dependentsOf(graph, 'Secret/default/nope').size).toBe(0);
  });

  it('kubeknit graph --impact prints only what depends on the object; an unknown object is exit 2', () => {
    const run = runCli(['graph', '-', '--impact', 'Secret/default/db-password', '--format', 'json'], { input: app });
    expect(run.status, run.stderr).toBe(0);
    const ids = JSON.parse(run.stdout).nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('Ingress/default/api');
    expect(ids).not.toContain('Deployment/default/worker');
    const unknown = runCli(['graph', '-', '--impact', 'Secret/default/nope'], { input: app });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--impact Secret/default/nope: no such object');
  });
});
