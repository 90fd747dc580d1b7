import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { yaml } from '../helpers/rule-tester.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from '../helpers/shared.js';

async function lintText(text: string) {
  return lint(['-'], { inline: [{ file: 'app.yaml', text }] });
}
const errors = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.object?.name ?? ''}`);

describe('Pods that operators and Argo Rollouts make', () => {
  it('selectors on a Prometheus resource\'s Pods match the labels the operator sets; a typo is still reported', async () => {
    const { findings } = await lintText(yaml`
      apiVersion: monitoring.coreos.com/v1
      kind: Prometheus
      metadata: {name: k8s, namespace: monitoring}
      spec:
        replicas: 2
        podMetadata: {labels: {app.kubernetes.io/component: prometheus}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: prometheus-k8s, namespace: monitoring}
      spec:
        selector: {app.kubernetes.io/name: prometheus, app.kubernetes.io/component: prometheus, prometheus: k8s}
        ports: [{name: web, port: 9090, targetPort: web}]
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: prometheus-k8s, namespace: monitoring}
      spec:
        minAvailable: 1
        selector: {matchLabels: {app.kubernetes.io/instance: k8s, app.kubernetes.io/managed-by: prometheus-operator}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: alertmanager-main, namespace: monitoring}
      spec:
        podSelector: {matchLabels: {app.kubernetes.io/name: alertmanger}}
        policyTypes: [Ingress]
    `);
    expect(errors(findings)).toEqual(['dangling-networkpolicy-selector alertmanager-main']);
  });

  it('a Service selecting a Rollout\'s Pods matches, and the graph says the Rollout owns them (template or workloadRef)', async () => {
    const { findings, graph } = await lintText(yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: shop, namespace: default}
      spec:
        selector: {matchLabels: {app: shop}}
        template:
          metadata: {labels: {app: shop}}
          spec: {containers: [{name: shop, image: shop:1.0, ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: default}
      spec:
        replicas: 0
        selector: {matchLabels: {app: cart}}
        template:
          metadata: {labels: {app: cart}}
          spec: {containers: [{name: cart, image: cart:1.0}]}
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Rollout
      metadata: {name: cart, namespace: default}
      spec:
        selector: {matchLabels: {app: cart}}
        workloadRef: {apiVersion: apps/v1, kind: Deployment, name: cart}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: default}
      spec: {selector: {app: shop}, ports: [{port: 80, targetPort: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop-typo, namespace: default}
      spec: {selector: {app: shpo}, ports: [{port: 80}]}
    `);
    expect(errors(findings)).toEqual(['dangling-service-selector shop-typo']);
    const owned = (id: string) => graph.outEdges(id, 'owns').map((e) => graph.node(e.to)?.kind);
    expect(owned('Rollout/default/shop')).toEqual(['ReplicaSet']);
    expect(graph.outEdges('Rollout/default/shop#ReplicaSet', 'owns').map((e) => graph.node(e.to)?.kind)).toEqual(['Pod']);
    expect(owned('Rollout/default/cart')).toEqual(['Pod']);
  });
});

describe('objects other controllers produce, and what every cluster has', () => {
  it('a Secret a Certificate, ExternalSecret or SealedSecret writes is not missing; one nothing makes is', async () => {
    const pod = (secret: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: use-${secret}, namespace: shop}\nspec:\n  containers: [{name: app, image: app:1.0}]\n  volumes: [{name: s, secret: {secretName: ${secret}}}]\n`;
    const { findings, graph } = await lintText([
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: web, namespace: shop}\nspec: {secretName: web-tls, issuerRef: {name: letsencrypt, kind: ClusterIssuer}}\n',
      'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt}\nspec: {acme: {server: https://acme-v02.api.letsencrypt.org/directory, privateKeySecretRef: {name: letsencrypt-key}, solvers: [{http01: {ingress: {ingressClassName: nginx}}}]}}\n',
      'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: db, namespace: shop}\nspec: {secretStoreRef: {name: vault}}\n',
      'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: api-key, namespace: shop}\nspec: {encryptedData: {key: AgB}}\n',
      pod('web-tls'), pod('db'), pod('api-key'), pod('nobody-makes-this'),
    ].join('---\n'));
    expect(errors(findings)).toEqual(['missing-secret use-nobody-makes-this']);
    expect(graph.outEdges('Certificate/shop/web', 'produces').map((e) => e.to)).toEqual(['Secret/shop/web-tls']);
  });

  it('bootstrap Roles exist in every cluster; a binding to a Role nobody defines is reported', async () => {
    const binding = (name: string, role: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: ${name}, namespace: kube-system}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${role}}\nsubjects: [{kind: ServiceAccount, name: adapter, namespace: monitoring}]\n`;
    const { findings } = await lintText(`${binding('auth-reader', 'extension-apiserver-authentication-reader')}---\n${binding('typo', 'extension-apiserver-authentication-raeder')}`);
    expect(errors(findings)).toEqual(['dangling-role-binding typo']);
  });
});

const TRUSTED_FAMILIES = ['relationships', 'ports', 'volumes', 'rbac', 'parse'];
/** node-exporter mounts the host's / and /sys on purpose: true findings that may stay. */
const DELIBERATE = new Set(['sensitive-host-path']);

describe.skipIf(!hasShared)(`real stacks that deploy and work ${hasShared ? '' : SHARED_SKIP_REASON}`, () => {
  it('kube-prometheus: no error from the relationship, ports, volumes, rbac or parse families', async () => {
    const { findings, rules } = await lint([sharedPath('corpora/kube-prometheus/manifests')]);
    const family = new Map(rules.map((r) => [r.id, r.family]));
    const trusted = findings.filter((f) => f.severity === 'error' && !DELIBERATE.has(f.ruleId) && TRUSTED_FAMILIES.includes(family.get(f.ruleId) ?? ''));
    expect(trusted.map((f) => `${f.ruleId} ${f.file}:${f.line}`)).toEqual([]);
  });

  it('argo-rollouts examples: every Service selecting Rollout Pods matches', async () => {
    const { findings } = await lint([sharedPath('corpora/argo-rollouts-examples/examples')]);
    expect(findings.filter((f) => f.ruleId === 'dangling-service-selector').map((f) => `${f.file}:${f.line}`)).toEqual([]);
  });
});

describe('one selection function per kind', () => {
  it('a policy/v1 PDB with an empty selector selects every Pod of its namespace in the graph, as the rules read it', async () => {
    const { graph, findings } = await lintText(yaml`
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: all, namespace: shop}
      spec: {minAvailable: 1, selector: {}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: shop, labels: {app: web}}
      spec: {containers: [{name: web, image: nginx:1.27}]}
    `);
    expect(graph.outEdges('PodDisruptionBudget/shop/all', 'selects').map((e) => e.to)).toEqual(['Pod/shop/web']);
    expect(findings.map((f) => f.ruleId)).not.toContain('dangling-pdb-selector');
  });
});

describe('smaller causes', () => {
  it('nodePort: 0 means unset; a real clash is still reported', async () => {
    const svc = (name: string, nodePort: number) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {type: NodePort, ports: [{port: 80, nodePort: ${nodePort}}]}\n`;
    const { findings } = await lintText([svc('a', 0), svc('b', 0), svc('c', 30080), svc('d', 30080)].join('---\n'));
    expect(findings.filter((f) => f.ruleId === 'node-port-clash').map((f) => f.object?.name)).toEqual(['d']);
  });

  it('a missing imagePullSecrets entry is a warning; a missing mounted Secret stays an error', async () => {
    const { findings } = await lintText(yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: app, namespace: shop}
      spec:
        imagePullSecrets: [{name: registry}]
        containers: [{name: app, image: app:1.0}]
        volumes: [{name: s, secret: {secretName: certs}}]
    `);
    expect(findings.filter((f) => f.ruleId === 'missing-secret').map((f) => `${f.severity} ${f.message.includes('registry') ? 'registry' : 'certs'}`)).toEqual(['warning registry', 'error certs']);
  });
});
