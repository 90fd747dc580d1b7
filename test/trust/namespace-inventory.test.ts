import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, loadConfigFile, readClusterInventory, type ClusterInventory, type Finding, type ResolvedConfig } from '../../src/index.js';
import { yaml } from '../helpers/rule-tester.js';
import { tempTree } from '../helpers/temp.js';

const ALL = { preset: 'all' as const };
async function lintText(text: string, options: { namespace?: string; cluster?: ClusterInventory; config?: ResolvedConfig } = {}) {
  return lint(['-'], { inline: [{ file: 'app.yaml', text }], ...ALL, ...options });
}
const rules = (findings: readonly Finding[], id: string) => findings.filter((f) => f.ruleId === id).map((f) => f.message);
const config = (extra: Partial<ResolvedConfig>): ResolvedConfig => ({ baseDir: process.cwd(), rules: {}, overrides: [], ignore: [], schemaLocations: [], customRules: [], ...extra });

const APP = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web}
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        containers:
        - name: web
          image: nginx:1.27
          envFrom: [{secretRef: {name: web-env}}]
          env: [{name: DB, valueFrom: {secretKeyRef: {name: db-credentials, key: password}}}]
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: web-env-unused, namespace: shop}
`;

describe('--namespace: where objects without metadata.namespace land', () => {
  it('objects without a namespace land in --namespace, so a reference to an object of that namespace resolves', async () => {
    const text = `${APP}---\napiVersion: v1\nkind: Secret\nmetadata: {name: web-env, namespace: shop}\n`;
    const inDefault = await lintText(text);
    expect(rules(inDefault.findings, 'missing-secret').join('\n')).toContain('"web-env"');
    const inShop = await lintText(text, { namespace: 'shop' });
    const missing = rules(inShop.findings, 'missing-secret');
    expect(missing.join('\n')).not.toContain('"web-env"');
    // the real defect next to it: no Secret db-credentials anywhere
    expect(missing.join('\n')).toContain('"db-credentials"');
    expect(inShop.objects.find((o) => o.kind === 'Deployment')?.namespace).toBe('shop');
    expect(inShop.graph.nodes().some((n) => n.kind === 'Deployment' && n.namespace === 'shop')).toBe(true);
  });

  it('the config\'s namespace: applies, the command line wins; missing-namespace is silent once a namespace is chosen', async () => {
    const fromConfig = await lintText(APP, { config: config({ namespace: 'shop' }) });
    expect(fromConfig.objects.find((o) => o.kind === 'Deployment')?.namespace).toBe('shop');
    expect(rules(fromConfig.findings, 'missing-namespace')).toEqual([]);
    const flagWins = await lintText(APP, { namespace: 'web', config: config({ namespace: 'shop' }) });
    expect(flagWins.objects.find((o) => o.kind === 'Deployment')?.namespace).toBe('web');
    const unset = await lintText(APP);
    expect(rules(unset.findings, 'missing-namespace').join('\n')).toContain('Deployment "web"');
  });
});

describe('cluster inventory', () => {
  it('a Secret the inventory lists is not missing; one it does not list still is', async () => {
    const { findings } = await lintText(APP, { cluster: { secrets: ['default/web-env'] } });
    const missing = rules(findings, 'missing-secret').join('\n');
    expect(missing).not.toContain('"web-env"');
    expect(missing).toContain('"db-credentials"');
  });

  it('reads kubectl get -o yaml output (a List and more documents), with the default StorageClass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-inventory-'));
    const file = path.join(dir, 'cluster.yaml');
    writeFileSync(file, yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: storage.k8s.io/v1
        kind: StorageClass
        metadata: {name: gp3, annotations: {storageclass.kubernetes.io/is-default-class: "true"}}
      - apiVersion: v1
        kind: Secret
        metadata: {name: db-credentials, namespace: default}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: kafkas.kafka.strimzi.io}
      spec: {group: kafka.strimzi.io, names: {kind: Kafka, plural: kafkas}, scope: Namespaced}
    `);
    const inventory = readClusterInventory(file);
    expect(inventory.storageClasses).toEqual(['gp3']);
    expect(inventory.defaultStorageClass).toBe('gp3');
    expect(inventory.secrets).toEqual(['default/db-credentials']);
    expect(inventory.customResourceDefinitions).toEqual(['kafkas.kafka.strimzi.io', 'Kafka']);
  });

  it('StorageClasses: the inventory\'s are known, and its list makes a typo a finding', async () => {
    const claim = (cls: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data-${cls}}\nspec: {storageClassName: ${cls}, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n`;
    const text = `${claim('gp3')}---\n${claim('gp33')}`;
    expect(rules((await lintText(text)).findings, 'missing-storage-class')).toEqual([]);
    const listed = rules((await lintText(text, { cluster: { storageClasses: ['gp3'] } })).findings, 'missing-storage-class');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('"gp33"');
  });

  it('a per-rule assumeExisting still works as an alias', async () => {
    const { findings } = await lintText(APP, { config: config({ rules: { 'missing-secret': { options: { assumeExisting: ['web-*'] } } } }) });
    const missing = rules(findings, 'missing-secret').join('\n');
    expect(missing).not.toContain('"web-env"');
    expect(missing).toContain('"db-credentials"');
  });
});

describe('declared workloads', () => {
  it('a custom resource the config declares runs Pods: its Service selector matches, a typo does not', async () => {
    const text = yaml`
      apiVersion: example.com/v1
      kind: WebApp
      metadata: {name: shop, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: shop}}
          spec: {containers: [{name: shop, image: shop:1.0, ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: shop}
      spec: {selector: {app: shop}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop-typo, namespace: shop}
      spec: {selector: {app: shpo}, ports: [{port: 80, targetPort: 8080}]}
    `;
    const declared = await lintText(text, { config: config({ workloads: [{ apiVersion: 'example.com/v1', kind: 'WebApp', podTemplate: 'spec.template' }] }) });
    const dangling = declared.findings.filter((f) => f.ruleId === 'dangling-service-selector').map((f) => f.object?.name);
    expect(dangling).toEqual(['shop-typo']);
  });
});

describe('the config file\'s namespace, cluster and workloads', () => {
  it('are read and checked', async () => {
    const dir = tempTree({
      'ok.yaml': 'namespace: shop\ncluster: {secrets: ["*-tls"], defaultStorageClass: gp3}\nworkloads: [{kind: WebApp, podTemplate: spec.template}]\n',
      'bad.yaml': 'cluster:\n  secret: [x]\n',
    });
    const ok = await loadConfigFile(path.join(dir, 'ok.yaml'));
    expect(ok.namespace).toBe('shop');
    expect(ok.cluster).toEqual({ secrets: ['*-tls'], defaultStorageClass: 'gp3' });
    expect(ok.workloads).toEqual([{ kind: 'WebApp', podTemplate: 'spec.template' }]);
    await expect(loadConfigFile(path.join(dir, 'bad.yaml'))).rejects.toThrow(/cluster\.secret/);
  });
});
