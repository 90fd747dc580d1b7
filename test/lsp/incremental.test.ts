import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { lint, RULES, type Finding } from '../../src/index.js';
import { Workspace } from '../../src/lsp/workspace.js';

// The language server keeps the findings of object-local rules for objects of unchanged files.
// After every edit its analysis must equal a fresh `lint()` of the same texts.

const deployment = (name: string, image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: ${image}
${extra}`;

const service = (name: string, app: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector: {app: ${app}}
  ports: [{port: 80, targetPort: 8080}]
`;

const crd = (scope: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: ${scope}
  names: {kind: Widget, plural: widgets}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer}
`;

const widget = (size: string) => `apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
  namespace: shop
spec:
  size: ${size}
`;

const privileged = `          securityContext: {privileged: true}
`;

/** Each step sets (text) or deletes (null) files, then both analyses run. */
const STEPS: Array<Record<string, string | null>> = [
  { 'web.yaml': `${deployment('web', 'web:1')}---\n${service('web', 'web')}`, 'api.yaml': deployment('api', 'api:latest'), 'widget.yaml': widget('3') },
  { 'web.yaml': `${deployment('web', 'web:1', privileged)}---\n${service('web', 'nothing')}` },
  { 'api.yaml': deployment('api', 'api:2') },
  // the CRD arrives: the Widget's unknown-kind finding goes, a schema check starts
  { 'crd.yaml': crd('Namespaced') },
  { 'widget.yaml': widget('"big"') },
  { 'crd.yaml': crd('Cluster') },
  // a second definition of web in another file: duplicate-object, and the copy is checked by no other rule
  { 'copy.yaml': deployment('web', 'web:latest', privileged) },
  { 'web.yaml': service('web', 'web') },
  { 'copy.yaml': null, 'crd.yaml': null },
  // a Namespace that enforces a Pod Security level brings that preset's findings to its objects
  { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: restricted}\n' },
  { 'api.yaml': `${deployment('api', 'api:2')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  containers: [{name: c, image: "c:1", securityContext: {privileged: true}}]\n` },
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function comparable(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify(f)).sort();
}

it('checks only objects of some rules again, yet every analysis after an edit equals a full lint of the same files', async () => {
  expect(RULES.filter((r) => r.locality).length).toBeGreaterThan(20);
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-incremental-'));
  dirs.push(dir);
  const workspace = new Workspace({ lint: { preset: 'all' } });
  workspace.addRoot(dir);
  for (const [i, step] of STEPS.entries()) {
    for (const [name, text] of Object.entries(step)) {
      const file = path.join(dir, name);
      if (text === null) {
        rmSync(file);
        workspace.remove(file);
      } else {
        writeFileSync(file, text);
        workspace.setText(file, text);
      }
    }
    const incremental = workspace.analyze().findings;
    const full = (await lint([dir], { preset: 'all' })).findings;
    expect(comparable(incremental), `after step ${i}`).toEqual(comparable(full));
  }
});

it('reports a finding of an object-local rule again when its file is edited back', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-incremental-'));
  dirs.push(dir);
  const workspace = new Workspace({ lint: { preset: 'all' } });
  workspace.addRoot(dir);
  const file = path.join(dir, 'web.yaml');
  const privilegedFindings = () => (workspace.analyze().byFile.get(file) ?? []).filter((f) => f.ruleId === 'privileged-container').length;
  workspace.setText(file, deployment('web', 'web:1', privileged));
  expect(privilegedFindings()).toBe(1);
  workspace.setText(file, deployment('web', 'web:1'));
  expect(privilegedFindings()).toBe(0);
  workspace.setText(file, deployment('web', 'web:1', privileged));
  expect(privilegedFindings()).toBe(1);
});
