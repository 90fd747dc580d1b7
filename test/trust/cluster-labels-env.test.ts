import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { yaml } from '../helpers/rule-tester.js';

async function findingsOf(text: string): Promise<Finding[]> {
  return (await lint(['-'], { inline: [{ file: 'app.yaml', text }], preset: 'all' })).findings;
}
const named = (findings: readonly Finding[], id: string) => findings.filter((f) => f.ruleId === id).map((f) => f.object?.name);

describe('labels controllers add to their Pods', () => {
  it('Services selecting job-name or a StatefulSet Pod name match; a typo still does not', async () => {
    const findings = await findingsOf(yaml`
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: migrate}}
          spec: {restartPolicy: Never, containers: [{name: m, image: migrate:1.0, ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: migrate-status, namespace: shop}
      spec: {selector: {batch.kubernetes.io/job-name: migrate}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: migrate-typo, namespace: shop}
      spec: {selector: {job-name: migrat}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: shop}
      spec:
        serviceName: db
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec: {containers: [{name: db, image: postgres:16, ports: [{containerPort: 5432}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db-0, namespace: shop}
      spec: {selector: {app: db, statefulset.kubernetes.io/pod-name: db-0}, ports: [{port: 5432}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db, namespace: shop}
      spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
    `);
    expect(named(findings, 'dangling-service-selector')).toEqual(['migrate-typo']);
  });
});

describe('variables every Pod has, and variables a container sets itself', () => {
  it('KUBERNETES_SERVICE_HOST and a variable from envFrom are not Service references; a missing Service still is', async () => {
    const findings = await findingsOf(yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: env, namespace: shop}
      data: {LEGACY_SERVICE_HOST: legacy.example.com}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: shop}
      spec:
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers:
            - name: api
              image: api:1.0
              envFrom: [{configMapRef: {name: env}}]
              args: ["--apiserver=https://$(KUBERNETES_SERVICE_HOST):$(KUBERNETES_SERVICE_PORT)", "--legacy=$(LEGACY_SERVICE_HOST)", "--cache=$(REDIS_SERVICE_HOST)"]
    `);
    const messages = findings.filter((f) => f.ruleId === 'dangling-service-reference').map((f) => f.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('Service "redis"');
  });
});
