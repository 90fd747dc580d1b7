import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp.js';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: nginx:latest
`;

/** Nesting that overflowed yaml's recursion at a point that depended on the thread's stack size. */
const fixtures = {
  'apps/web.yaml': `${deployment('web')}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: nothing}\n  ports: [{port: 80}]\n`,
  'apps/api.yaml': deployment('api'),
  'broken/syntax.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n   labels: {a: b}\n',
  'broken/quote.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "open}\n---\n${deployment('after-quote')}`,
  'deep/flow.yaml': `${deployment('before-deep')}---\ndata: ${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`,
  'deep/sequences.yaml': `${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
  'deep/block.yaml': `spec:\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} v\n`,
  'deep/compact.yaml': `spec:\n  ${'- '.repeat(30_000)}x\n`,
  'helm/template.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
  'no-name.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetdata: {name: w}\n',
};

describe('the report is the same for every --jobs, with or without the cache', () => {
  it('lints nesting, broken YAML and normal objects to byte-identical JSON with --jobs 1, --jobs 2 and --cache (cold and warm)', () => {
    const dir = tempTree(fixtures);
    const cache = path.join(tempTree({}), 'cache');
    const lint = (...flags: string[]) => runCli(['lint', '--no-config', '-f', 'json', ...flags, dir]);
    const one = lint('--jobs', '1');
    expect(one.status).toBe(1);
    const report = JSON.parse(one.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; column: number }> };
    const deep = report.findings.filter((f) => f.file.includes('/deep/') && f.ruleId === 'invalid-yaml').map((f) => [path.basename(f.file), f.ruleId]);
    expect(deep).toEqual([['block.yaml', 'invalid-yaml'], ['compact.yaml', 'invalid-yaml'], ['flow.yaml', 'invalid-yaml'], ['sequences.yaml', 'invalid-yaml']]);
    for (const flags of [['--jobs', '2'], ['--jobs', '2', '--cache', '--cache-location', cache], ['--jobs', '2', '--cache', '--cache-location', cache], ['--jobs', '1', '--cache', '--cache-location', cache]]) {
      const run = lint(...flags);
      expect(run.stderr, flags.join(' ')).toBe(one.stderr);
      expect(run.stdout, flags.join(' ')).toBe(one.stdout);
    }
  });
});
