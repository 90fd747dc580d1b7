import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp.js';

const MANIFESTS = `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {selector: {app: db}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      serviceAccountName: web
      containers: [{name: web, image: nginx:1.27}]
`;

describe('--namespace means kubectl -n in lint and graph; --only-namespace filters the graph (built CLI)', () => {
  it('graph --namespace places objects, --only-namespace shows one namespace', () => {
    const dir = tempTree({ 'app.yaml': MANIFESTS });
    const placed = runCli(['graph', path.join(dir, 'app.yaml'), '--no-config', '--namespace', 'shop']);
    expect(placed.status).toBe(0);
    const ids = (JSON.parse(placed.stdout) as { nodes: Array<{ id: string }> }).nodes.map((n) => n.id);
    expect(ids).toContain('Service/shop/web');
    expect(ids).toContain('Service/data/db');
    const only = runCli(['graph', path.join(dir, 'app.yaml'), '--no-config', '--namespace', 'shop', '--only-namespace', 'data']);
    const onlyIds = (JSON.parse(only.stdout) as { nodes: Array<{ id: string }> }).nodes.map((n) => n.id);
    expect(onlyIds).toContain('Service/data/db');
    expect(onlyIds).not.toContain('Service/shop/web');
  });

  it('lint --cluster-inventory: a ServiceAccount kubectl lists is not missing', () => {
    const dir = tempTree({
      'app.yaml': MANIFESTS,
      'cluster/sa.yaml': 'apiVersion: v1\nkind: ServiceAccountList\nitems:\n- {apiVersion: v1, kind: ServiceAccount, metadata: {name: web, namespace: shop}}\n',
    });
    const before = runCli(['lint', path.join(dir, 'app.yaml'), '--no-config', '-n', 'shop', '-f', 'json']);
    expect(before.stdout).toContain('missing-service-account');
    const after = runCli(['lint', path.join(dir, 'app.yaml'), '--no-config', '-n', 'shop', '--cluster-inventory', path.join(dir, 'cluster/sa.yaml'), '-f', 'json']);
    expect(after.stdout).not.toContain('missing-service-account');
    const bad = runCli(['lint', path.join(dir, 'app.yaml'), '--no-config', '--cluster-inventory', path.join(dir, 'nope.yaml')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--cluster-inventory');
  });
});
