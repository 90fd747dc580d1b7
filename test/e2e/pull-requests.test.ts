import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TempRepo } from '../helpers/git-repo.js';
import { tempTree } from '../helpers/temp.js';
import { REPO_ROOT } from '../helpers/shared.js';

const deployment = (name: string, labels: { selector: string; template: string }, image = 'registry.example/web:1.4.2') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${labels.selector}
  template:
    metadata:
      labels:
        app: ${labels.template}
    spec:
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - containerPort: 8080
`;

const service = (name: string, app: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${app}
  ports:
    - port: 80
      targetPort: 8080
`;

const configMap = (name: string, value: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  key: "${value}"
`;

const clusterAdminBinding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ci
subjects:
  - kind: ServiceAccount
    name: ci
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
`;

interface JsonFinding { ruleId: string; object: { kind: string; name: string } | null }

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

/** Runs the CLI in the repository; JSON output parsed. */
function kk(r: TempRepo, ...args: string[]) {
  return runCli(args, { cwd: r.root });
}
function json(run: { stdout: string; stderr: string }) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON: ${run.stdout}\n${run.stderr}`);
  }
}

describe('kubeknit diff between two commits', () => {
  it('a renamed label breaks an untouched Service: the relationship, the finding and the immutable selector', () => {
    const r = repo();
    r.commit('web', { 'deploy/web.yaml': deployment('web', { selector: 'web', template: 'web' }), 'deploy/svc.yaml': service('web', 'web') });
    r.git('checkout', '--quiet', '-b', 'pr');
    r.commit('rename the label', { 'deploy/web.yaml': deployment('web', { selector: 'frontend', template: 'frontend' }) });

    const run = kk(r, 'diff', 'main', 'pr', '--format', 'json');
    expect(run.status, run.stderr).toBe(1);
    const diff = json(run);
    expect(diff.version).toBe(1);
    expect(diff.objects).toEqual([expect.objectContaining({ id: 'Deployment/default/web', change: 'changed', fields: expect.arrayContaining(['spec.selector.matchLabels.app', 'spec.template.metadata.labels']) })]);
    expect(diff.relations).toEqual([expect.objectContaining({ change: 'removed', type: 'selects', from: 'Service/default/web', to: 'Deployment/default/web', sentence: 'Service web no longer selects Deployment web (labels changed)' })]);
    expect(diff.findings.new.map((f: JsonFinding) => [f.ruleId, f.object?.name])).toContainEqual(['dangling-service-selector', 'web']);
    expect(diff.findings.fixed.map((f: JsonFinding) => f.ruleId)).toEqual(['missing-readiness-probe']); // the Service no longer sends it traffic
    expect(diff.immutable).toEqual([expect.objectContaining({ id: 'Deployment/default/web', field: 'spec.selector', severity: 'error' })]);
  });

  it('a new RoleBinding appears: "now grants ClusterRole cluster-admin" and its new finding', () => {
    const r = repo();
    r.commit('app', { 'app.yaml': `${deployment('web', { selector: 'web', template: 'web' })}---\n${service('web', 'web')}` });
    r.commit('ci access', { 'rbac.yaml': clusterAdminBinding });
    const run = kk(r, 'diff', 'HEAD~1', 'HEAD', '--format', 'json');
    const diff = json(run);
    expect(diff.objects.map((o: { id: string; change: string }) => `${o.change} ${o.id}`)).toEqual(['added RoleBinding/default/ci']);
    const sentences = diff.relations.map((x: { sentence: string }) => x.sentence);
    expect(sentences).toContain('RoleBinding ci now grants ClusterRole cluster-admin');
    expect(diff.findings.new.map((f: JsonFinding) => f.ruleId)).toContain('cluster-admin-binding');
    expect(diff.immutable).toEqual([]);
    expect(run.status).toBe(1); // cluster-admin-binding is an error
  });

  it('--namespace and --cluster-inventory judge both revisions as lint does', () => {
    const r = repo();
    const app = (secret: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web
      image: registry.example/web:1.4.2
      env: [{name: DB, valueFrom: {secretKeyRef: {name: ${secret}, key: url}}}]
`;
    r.commit('app', { 'app.yaml': app('db'), 'secrets.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: shop}\nstringData: {url: x}\n' });
    r.commit('use the vault secret', { 'app.yaml': app('vault-db') });
    /** [new, fixed] missing-secret findings of the change. */
    const missingSecrets = (...flags: string[]) => {
      const { findings } = json(kk(r, 'diff', 'HEAD~1', 'HEAD', '--format', 'json', ...flags));
      const count = (list: JsonFinding[]) => list.filter((f) => f.ruleId === 'missing-secret').length;
      return [count(findings.new), count(findings.fixed)];
    };
    // in "default" neither Secret exists: one missing Secret replaces another
    expect(missingSecrets()).toEqual([1, 1]);
    // in "shop" the old one resolved, and the new name is missing
    expect(missingSecrets('-n', 'shop')).toEqual([1, 0]);
    // unless the cluster has it
    r.write({ 'inventory/cluster.json': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'vault-db', namespace: 'shop' } }) });
    expect(missingSecrets('-n', 'shop', '--cluster-inventory', 'inventory/cluster.json')).toEqual([0, 0]);
  });

  it('a StatefulSet selector change cannot be applied in place; a replica change can', () => {
    const sts = (app: string, replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: db
          image: registry.example/db:16.2
`;
    const r = repo();
    r.commit('db', { 'db.yaml': `${sts('db', 1)}---\n${service('db', 'db')}` });
    r.commit('scale', { 'db.yaml': `${sts('db', 3)}---\n${service('db', 'db')}` });
    const scaled = kk(r, 'diff', 'HEAD~1', 'HEAD');
    expect(scaled.stdout).toContain('changes kubectl apply cannot make in place: 0');
    r.write({ 'db.yaml': `${sts('database', 3)}---\n${service('db', 'database')}` });
    const run = kk(r, 'diff', 'HEAD'); // head: the working tree
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Cannot be applied in place (error):\n  StatefulSet db: spec.selector');
    expect(run.stdout).not.toMatch(/StatefulSet db: spec\.serviceName/);
  });

  it('leaves the checkout, its index and its worktree list as they were', () => {
    const r = repo();
    r.commit('one', { 'a.yaml': configMap('a', 'a') });
    r.commit('two', { 'a.yaml': configMap('a', 'b') });
    r.write({ 'a.yaml': configMap('a', 'c'), 'new.yaml': configMap('added', 'n') });
    r.git('add', 'new.yaml');
    const marker = path.join(r.root, 'hook-ran');
    writeFileSync(path.join(r.root, '.git/hooks/post-checkout'), `#!/bin/sh\ntouch '${marker}'\n`, { mode: 0o755 });
    const before = [r.git('status', '--porcelain'), r.git('worktree', 'list'), readFileSync(path.join(r.root, 'a.yaml'), 'utf8')];
    expect(kk(r, 'diff', 'HEAD~1', 'HEAD').status).toBe(0);
    expect(kk(r, 'diff', 'HEAD~1').status).toBe(0);
    expect([r.git('status', '--porcelain'), r.git('worktree', 'list'), readFileSync(path.join(r.root, 'a.yaml'), 'utf8')]).toEqual(before);
    expect(existsSync(marker)).toBe(false); // the repository's hooks do not run for the temporary worktree
  });

  it('fails with exit 2 outside a repository and for an unknown ref', () => {
    const outside = tempTree({ 'a.yaml': service('a', 'a') });
    const run = runCli(['diff', 'main'], { cwd: outside });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is not in a git repository/);
    const r = repo();
    r.commit('one', { 'a.yaml': service('a', 'a') });
    const unknown = kk(r, 'diff', 'no-such-branch');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown git revision "no-such-branch"');
    expect(kk(r, 'lint', '--changed-since', 'nope').stderr).toContain('unknown git revision "nope"');
    expect(runCli(['lint', '--changed-since', 'main'], { cwd: outside }).status).toBe(2);
  });
});

describe('kubeknit lint --changed-since', () => {
  it('reports the untouched Service that a label rename breaks, not the old findings elsewhere', () => {
    const r = repo();
    r.commit('app', {
      'web.yaml': deployment('web', { selector: 'web', template: 'web' }),
      'svc.yaml': service('web', 'web'),
      'legacy.yaml': deployment('legacy', { selector: 'legacy', template: 'legacy' }, 'nginx:latest'),
    });
    r.write({ 'web.yaml': deployment('web', { selector: 'frontend', template: 'frontend' }) });
    const all = json(kk(r, 'lint', '--format', 'json'));
    const changed = kk(r, 'lint', '--changed-since', 'main', '--format', 'json');
    const report = json(changed);
    const objects = new Set(report.findings.map((f: JsonFinding) => f.object?.name));
    expect(report.findings.map((f: JsonFinding) => [f.ruleId, f.object?.name])).toContainEqual(['dangling-service-selector', 'web']);
    expect(objects.has('legacy')).toBe(false);
    expect(all.findings.some((f: JsonFinding) => f.object?.name === 'legacy')).toBe(true);
    expect(report.summary.unchanged).toBe(all.findings.length - report.findings.length);
    expect(changed.status).toBe(1);
  });

  it('exits 0 when the change itself brings nothing, though old findings remain', () => {
    const r = repo();
    r.commit('app', { 'legacy.yaml': `${deployment('legacy', { selector: 'legacy', template: 'legacy' })}---\n${service('orphan', 'nothing')}` });
    r.write({ 'web.yaml': `${deployment('web', { selector: 'web', template: 'web' })}---\n${service('web', 'web')}` });
    expect(kk(r, 'lint').status).toBe(1);
    const run = kk(r, 'lint', '--changed-since', 'HEAD', '--format', 'json', '--rule', 'missing-pdb=off', '--rule', 'missing-network-policy=off');
    const report = json(run);
    expect(report.findings.filter((f: JsonFinding) => f.object?.name === 'orphan')).toEqual([]);
    expect(run.status, JSON.stringify(report.findings)).toBe(0);
  });
});

describe('kubeknit baseline and lint --baseline', () => {
  it('a finding baselined, then fixed (the entry is reported unused), then back (new once the baseline shrank)', () => {
    const r = repo();
    r.commit('app', { 'app.yaml': `${deployment('web', { selector: 'web', template: 'web' })}---\n${service('db', 'db')}` });
    const write = kk(r, 'baseline', '--output', '.kubeknit-baseline.json');
    expect(write.status, write.stderr).toBe(0);
    const file = JSON.parse(readFileSync(path.join(r.root, '.kubeknit-baseline.json'), 'utf8'));
    expect(file.version).toBe(1);
    expect(json(kk(r, 'lint', '--format', 'json')).summary.files).toBe(1); // the baseline is no manifest
    expect(file.entries.map((e: { ruleId: string; object: string }) => `${e.ruleId} ${e.object}`)).toContain('dangling-service-selector Service/default/db');
    const sorted = [...file.entries].sort((a, b) => (a.ruleId + a.object < b.ruleId + b.object ? -1 : 1));
    expect(file.entries.map((e: { ruleId: string }) => e.ruleId)).toEqual(sorted.map((e: { ruleId: string }) => e.ruleId));

    const clean = kk(r, 'lint', '--baseline', '.kubeknit-baseline.json', '--format', 'json');
    expect(clean.status).toBe(0);
    expect(json(clean).findings).toEqual([]);
    expect(json(clean).summary.baselined).toBe(file.entries.reduce((n: number, e: { count: number }) => n + e.count, 0));
    r.commit('baseline');

    r.commit('fix', { 'app.yaml': `${deployment('web', { selector: 'web', template: 'web' })}---\n${service('db', 'web')}` });
    const fixed = kk(r, 'lint', '--baseline', '.kubeknit-baseline.json', '--report-unused-baseline', '--format', 'json');
    expect(fixed.status).toBe(0);
    expect(json(fixed).unusedBaseline.map((e: { ruleId: string }) => e.ruleId)).toContain('dangling-service-selector');
    expect(fixed.stderr).toContain('unused baseline entry: dangling-service-selector on Service/default/db at spec.selector');
    expect(kk(r, 'baseline').status).toBe(0); // the baseline shrinks

    r.commit('regress', { 'app.yaml': `${deployment('web', { selector: 'web', template: 'web' })}---\n${service('db', 'db')}` });
    const back = kk(r, 'lint', '--baseline', '.kubeknit-baseline.json', '--format', 'json');
    expect(back.status).toBe(1);
    expect(json(back).findings.map((f: JsonFinding) => f.ruleId)).toEqual(['dangling-service-selector']);
  });

  it('line moves, reordering and a move to another file keep fingerprints; SARIF says unchanged and new', () => {
    const r = repo();
    const db = service('db', 'db');
    const web = deployment('web', { selector: 'web', template: 'web' }, 'nginx:latest');
    r.commit('app', { 'app.yaml': `${web}---\n${db}` });
    expect(kk(r, 'baseline').status).toBe(0);
    const sarifBefore = json(kk(r, 'lint', '--format', 'sarif'));
    r.commit('move things', {
      'app.yaml': `# a comment\n# and another one\n${configMap('other', 'web')}---\n${db.replace('spec:', '# moved\nspec:')}`,
      'web/deployment.yaml': `\n\n${web}`,
    });
    const run = kk(r, 'lint', '--baseline', '.kubeknit-baseline.json', '--format', 'json');
    expect(json(run).findings, run.stderr).toEqual([]);
    expect(run.status).toBe(0);

    r.write({ 'extra.yaml': service('extra', 'nothing') });
    const sarif = json(kk(r, 'lint', '--baseline', '.kubeknit-baseline.json', '--format', 'sarif'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; baselineState: string; partialFingerprints: Record<string, string>; suppressions?: unknown[] }>;
    const states = new Map(results.map((x) => [x.partialFingerprints['kubeknitBaseline/v1'], x.baselineState]));
    for (const before of sarifBefore.runs[0].results) expect(states.get(before.partialFingerprints['kubeknitBaseline/v1'])).toBe('unchanged');
    const fresh = results.filter((x) => x.baselineState === 'new');
    expect(fresh.map((x) => x.ruleId)).toContain('dangling-service-selector');
    expect(fresh.every((x) => x.suppressions === undefined)).toBe(true);
    expect(results.filter((x) => x.baselineState === 'unchanged').every((x) => x.suppressions?.length === 1)).toBe(true);
  });

  it('a malformed or unknown-version baseline is a usage error', () => {
    const r = repo();
    r.commit('app', { 'a.yaml': service('a', 'a'), 'old.json': '{"version": 9, "entries": []}' });
    const run = kk(r, 'lint', 'a.yaml', '--baseline', 'old.json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a kubeknit baseline of version 1');
    expect(kk(r, 'lint', 'a.yaml', '--baseline', 'missing.json').status).toBe(2);
  });
});

describe('kubeknit diff --format markdown', () => {
  it('draws only the changed neighbourhood of a 200-object app where 3 objects changed', () => {
    const r = repo();
    const app = (i: number, label: string) => `${deployment(`svc${i}`, { selector: label, template: label })}---\n${service(`svc${i}`, label)}`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`apps/app${i}.yaml`] = app(i, `app${i}`);
    r.commit('200 objects', files);
    r.write({
      'apps/app7.yaml': `${deployment('svc7', { selector: 'renamed', template: 'renamed' })}---\n${service('svc7', 'app7')}`,
      'apps/app8.yaml': `${deployment('svc8', { selector: 'app8', template: 'app8' })}---\n${service('svc8', 'app9')}`,
      'rbac.yaml': clusterAdminBinding,
    });
    const run = kk(r, 'diff', 'main', '--format', 'markdown');
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(run.stdout)?.[1] ?? '';
    const nodes = mermaid.split('\n').filter((l) => /^\s+n\d+\["/.test(l));
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    expect(nodes.length).toBeLessThanOrEqual(10);
    expect(mermaid).toMatch(/-\.->\|− selects\|/); // removed: dashed
    expect(mermaid).toMatch(/linkStyle \d+ stroke:#cf222e,stroke-width:3px,stroke-dasharray:6 4/);
    expect(mermaid).toMatch(/linkStyle \d+ stroke:#1a7f37/);
    expect(run.stdout).toContain('| Objects | 1 | 0 | 2 |');
    expect(run.stdout).not.toContain('svc42');
  });

  it('matches the committed example docs/examples/pr-diff.md', () => {
    const r = repo();
    r.commit('shop', {
      'deploy/web.yaml': deployment('web', { selector: 'web', template: 'web' }),
      'deploy/services.yaml': service('web', 'web'),
      'deploy/db.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: registry.example/db:16.2
---
${service('db', 'db')}`,
    });
    r.git('checkout', '--quiet', '-b', 'feature');
    r.commit('rename web label, CI access', {
      'deploy/web.yaml': deployment('web', { selector: 'frontend', template: 'frontend' }),
      'deploy/rbac.yaml': clusterAdminBinding,
    });
    const run = kk(r, 'diff', 'main', 'feature', '--format', 'markdown');
    expect(run.status).toBe(1);
    const example = path.join(REPO_ROOT, 'docs/examples/pr-diff.md');
    if (process.env.UPDATE_EXAMPLES) writeFileSync(example, run.stdout);
    expect(run.stdout).toBe(readFileSync(example, 'utf8'));
  });
});
