import { describe, expect, it } from 'vitest';
import { lint, type ClusterInventory, type Finding } from '../../src/index.js';
import { yaml } from '../helpers/rule-tester.js';

async function findingsOf(text: string, cluster?: ClusterInventory): Promise<Finding[]> {
  return (await lint(['-'], { inline: [{ file: 'app.yaml', text }], cluster })).findings;
}
const of = (findings: readonly Finding[], id: string) => findings.filter((f) => f.ruleId === id).map((f) => ({ severity: f.severity, message: f.message }));

const CNPG = yaml`
  apiVersion: postgresql.cnpg.io/v1
  kind: Cluster
  metadata: {name: orders-db, namespace: shop}
  spec: {instances: 3, storage: {size: 10Gi}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: orders, namespace: shop}
  spec:
    selector: {matchLabels: {app: orders}}
    template:
      metadata: {labels: {app: orders}}
      spec:
        containers:
        - name: orders
          image: orders:1.0
          env:
          - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: orders-db-app, key: password}}}
          - {name: API_KEY, valueFrom: {secretKeyRef: {name: payments-api, key: key}}}
`;

describe('custom resources of unknown kinds as likely makers', () => {
  it('a missing Secret named after a CloudNativePG Cluster is an info naming it; a Secret nothing makes stays an error', async () => {
    const missing = of(await findingsOf(CNPG), 'missing-secret');
    expect(missing).toHaveLength(2);
    const maker = missing.find((f) => f.message.includes('"orders-db-app"'));
    expect(maker?.severity).toBe('info');
    expect(maker?.message).toContain('Cluster "orders-db"');
    expect(missing.find((f) => f.message.includes('"payments-api"'))?.severity).toBe('error');
  });

  it('a Service selecting Pods in a namespace with an unknown custom resource is a warning naming it; the inventory\'s podMakers silence it', async () => {
    const service = yaml`
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: orders-db-rw, namespace: shop}
      spec: {selector: {cnpg.io/cluster: orders-db}, ports: [{port: 5432}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: web}
      spec: {selector: {app: web}, ports: [{port: 80}]}
    `;
    const findings = of(await findingsOf(CNPG + service), 'dangling-service-selector');
    expect(findings).toEqual([
      { severity: 'warning', message: expect.stringContaining('Cluster "orders-db"') as string },
      { severity: 'error', message: expect.stringContaining('Service "web"') as string },
    ]);
    const declared = of(await findingsOf(CNPG + service, { podMakers: ['Cluster'] }), 'dangling-service-selector');
    expect(declared.map((f) => f.severity)).toEqual(['error']);
  });
});
