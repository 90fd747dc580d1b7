import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { lint, UsageError } from '../../src/index.js';
import { yaml } from '../helpers/rule-tester.js';
import { tempTree } from '../helpers/temp.js';

const where = (findings: Array<{ ruleId: string; line: number }>) => findings.map((f) => `${f.ruleId}@${f.line}`);

const ALERT_RULE = yaml`
  apiVersion: monitoring.coreos.com/v1
  kind: PrometheusRule
  metadata: {name: node-rules, namespace: monitoring}
  spec:
    groups:
      - name: node
        rules:
          - alert: NodeDown
            # {{ $labels.instance }} is filled in by Prometheus
            annotations:
              description: "{{ $labels.instance }} of {{ $labels.job }} is down"
              runbook: |
                {{ range .Alerts }}
                {{ .Labels.instance }}
                {{ end }}
            expr: up == 0
`;

const TYPO_SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: monitoring}
  spec:
    selector: {app: wbe}
    ports: [{port: 80}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: web, namespace: monitoring, labels: {app: web}}
  spec:
    containers: [{name: web, image: nginx:1.27}]
`;

describe('template text inside values is data', () => {
  it('a PrometheusRule with alert templates is linted, and a selector typo beside it is still reported', async () => {
    const { findings, objects } = await lint(['-'], { inline: [{ file: 'rules.yaml', text: `${ALERT_RULE}---\n${TYPO_SERVICE}` }] });
    expect(objects.map((o) => o.kind)).toEqual(['PrometheusRule', 'Service', 'Pod']);
    expect(findings.map((f) => f.ruleId)).not.toContain('unrendered-template');
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.object?.name}`)).toEqual(['dangling-service-selector web']);
  });

  it('an action in a structural position makes only its own document unrendered; the rest of a stream is linted', async () => {
    const helm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n';
    const { findings, objects } = await lint(['-'], { inline: [{ file: '<stdin>', text: `${helm}---\n${TYPO_SERVICE}` }] });
    expect(objects.map((o) => o.kind)).toEqual(['Service', 'Pod']);
    expect(where(findings.filter((f) => f.severity === 'error'))).toEqual(['unrendered-template@4', 'dangling-service-selector@10']);
  });

  it('a Helm-only action is a chart even inside a quoted value; a line of its own is too', async () => {
    const quoted = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ .Values.name }}"\n';
    const line = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{- if .Values.extra }}\ndata: {a: b}\n{{- end }}\n';
    for (const text of [quoted, line]) {
      const { findings } = await lint(['-'], { inline: [{ file: 'c.yaml', text }] });
      expect(findings.map((f) => f.ruleId)).toEqual(['unrendered-template']);
    }
  });

  it('a mustache placeholder as a bare value neither drops the object nor prints a Node warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const text = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: job-args, namespace: default}
      data:
        inject: {{args.linkerd-enabled}}
    `;
    const { objects } = await lint(['-'], { inline: [{ file: 'a.yaml', text }] });
    expect(objects.map((o) => o.name)).toEqual(['job-args']);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('files that are not manifests', () => {
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx:1.27}]}\n';

  it('a directory walk skips CI configs, chart sources, compose files, kustomize patches and YAML that is no object', async () => {
    const root = tempTree({
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      'action.yml': 'name: x\nruns: {using: node20}\n',
      'docker-compose.prod.yml': 'services: {web: {image: nginx}}\n',
      '.gitlab-ci.yml': 'stages: [test]\n',
      'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\n',
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
      'chart/values.yaml': 'replicas: 2\n',
      'chart/templates/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "web.fullname" . }}\n',
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: replicas.yaml\npatchesStrategicMerge: [memory.yaml]\n',
      'overlay/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3}\n',
      'overlay/memory.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 4}\n',
      'config/settings.yaml': 'logLevel: debug\nfeatures: [a, b]\n',
      'base/deploy.yaml': deployment,
    });
    const { findings, objects } = await lint([root]);
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['Deployment/web']);
    expect(findings.filter((f) => f.ruleId !== 'kustomization-skipped' && f.severity !== 'info').map((f) => f.ruleId)).not.toContain('invalid-object');
    expect(findings.map((f) => f.ruleId)).not.toContain('duplicate-object');
    expect(findings.map((f) => f.ruleId)).not.toContain('unrendered-template');
  });

  it('a file named on the command line is still checked', async () => {
    const root = tempTree({ 'config/settings.yaml': 'logLevel: debug\n' });
    const { findings } = await lint([path.join(root, 'config/settings.yaml')]);
    expect(findings.map((f) => f.ruleId)).toEqual(['invalid-object']);
  });

  it('a glob or directory that matches nothing is a usage error, not "no problems"', async () => {
    const root = tempTree({ 'README.md': '# x\n' });
    await expect(lint([`${root}/**/*.yaml`])).rejects.toThrow(UsageError);
    await expect(lint([`${root}/**/*.yaml`])).rejects.toThrow(/no file matches/);
    await expect(lint([root])).rejects.toThrow(/no manifest files/);
  });
});

describe('duplicates count once', () => {
  const deployment = (name: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: app, image: nginx:1.27}]}\n`;
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec:\n  selector: {app: cart}\n  ports: [{port: 80}]\n';

  it('a repeated object gets duplicate-object and nothing else; a real overlap is still reported', async () => {
    const root = tempTree({ 'release.yaml': `${deployment('cart')}---\n${service}`, 'base/cart.yaml': `${deployment('cart')}---\n${service}` });
    const { findings, graph } = await lint([root]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.file.endsWith('base/cart.yaml') ? 'base' : 'release'}`)).toEqual(['duplicate-object release', 'duplicate-object release']);
    expect(graph.edges().filter((e) => e.type === 'selects').length).toBe(1);

    const overlap = deployment('cart').replace('name: cart,', 'name: cart-v2,');
    const withOverlap = await lint(['-'], { inline: [{ file: 'a.yaml', text: `${deployment('cart')}---\n${overlap}` }] });
    expect(withOverlap.findings.map((f) => f.ruleId)).toContain('overlapping-workload-selectors');
  });
});
