import { existsSync, lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp.js';

const POD = `# the web Pod
apiVersion: v1
kind: Pod
metadata:
  name: web   # keep this comment
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolice: Always
`;

describe('kubeknit lint --fix (built CLI)', () => {
  it('writes the fixes in place, then reports what is left; a second run changes nothing', () => {
    const root = tempTree({ 'pod.yaml': POD });
    const run = runCli(['lint', '.', '--no-config', '--fix', '-f', 'json'], { cwd: root });
    const after = readFileSync(path.join(root, 'pod.yaml'), 'utf8');
    expect(after).toBe(POD.replace('imagePullPolice', 'imagePullPolicy'));
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('schema-violation');
    expect(run.status).toBe(0);
    runCli(['lint', '.', '--no-config', '--fix'], { cwd: root });
    expect(readFileSync(path.join(root, 'pod.yaml'), 'utf8')).toBe(after);
    // No temporary files are left beside the fixed one.
    expect(readdirSync(root)).toEqual(['pod.yaml']);
  });

  it('applies suggestions only with --fix-type suggestion', () => {
    const root = tempTree({ 'pod.yaml': POD });
    runCli(['lint', '.', '--no-config', '--fix'], { cwd: root });
    expect(readFileSync(path.join(root, 'pod.yaml'), 'utf8')).not.toContain('runAsNonRoot');
    runCli(['lint', '.', '--no-config', '--fix', '--fix-type', 'problem,suggestion'], { cwd: root });
    const text = readFileSync(path.join(root, 'pod.yaml'), 'utf8');
    expect(text).toContain('        runAsNonRoot: true');
    expect(text).toContain('        allowPrivilegeEscalation: false');
  });

  it('--fix-dry-run prints a unified diff and writes nothing; the report goes to standard error', () => {
    const root = tempTree({ 'pod.yaml': POD });
    const run = runCli(['lint', '.', '--no-config', '--fix-dry-run'], { cwd: root });
    expect(run.stdout).toContain('--- a/pod.yaml\n+++ b/pod.yaml\n');
    expect(run.stdout).toContain('-      imagePullPolice: Always\n+      imagePullPolicy: Always\n');
    expect(readFileSync(path.join(root, 'pod.yaml'), 'utf8')).toBe(POD);
    expect(run.stderr).toContain('problem');
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const root = tempTree({});
    const file = path.join(root, 'pod.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD.replace(/\n/g, '\r\n'))]));
    runCli(['lint', '.', '--no-config', '--fix'], { cwd: root });
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(POD.replace('imagePullPolice', 'imagePullPolicy').replace(/\n/g, '\r\n'));
  });

  it('never writes through a symbolic link: the link and its target stay as they were, exit 2', () => {
    const outside = tempTree({ 'target.yaml': POD });
    const root = tempTree({});
    symlinkSync(path.join(outside, 'target.yaml'), path.join(root, 'pod.yaml'));
    const run = runCli(['lint', 'pod.yaml', '--no-config', '--fix'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('symbolic link');
    expect(lstatSync(path.join(root, 'pod.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(outside, 'target.yaml'), 'utf8')).toBe(POD);
    expect(existsSync(path.join(root, '.pod.yaml.kubeknit-fix'))).toBe(false);
  });

  it('prints fixed standard input to standard output', () => {
    const run = runCli(['lint', '-', '--no-config', '--fix', '-f', 'json'], { input: POD });
    expect(run.stdout).toBe(POD.replace('imagePullPolice', 'imagePullPolicy'));
    expect(JSON.parse(run.stderr).summary.errors).toBe(0);
  });

  it('refuses an unknown --fix-type, and --fix-type without --fix', () => {
    expect(runCli(['lint', '-', '--no-config', '--fix', '--fix-type', 'layout'], { input: POD })).toMatchObject({ status: 2 });
    const alone = runCli(['lint', '-', '--no-config', '--fix-type', 'problem'], { input: POD });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--fix');
  });

  it('SARIF carries the same fix as replacements of regions', () => {
    const root = tempTree({ 'pod.yaml': POD });
    const run = runCli(['lint', '.', '--no-config', '-f', 'sarif'], { cwd: root });
    const result = JSON.parse(run.stdout).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'schema-violation');
    expect(result.fixes).toEqual([{
      description: { text: 'Rename "imagePullPolice" to "imagePullPolicy"' },
      artifactChanges: [{
        artifactLocation: { uri: 'pod.yaml', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 10, startColumn: 7, endLine: 10, endColumn: 22 }, insertedContent: { text: 'imagePullPolicy' } }],
      }],
    }]);
  });

  it('kubeknit rules marks the fixable rules', () => {
    const run = runCli(['rules', '-f', 'json']);
    const rules = JSON.parse(run.stdout) as Array<{ id: string; fixable: string | null }>;
    expect(rules.find((r) => r.id === 'removed-api')?.fixable).toBe('problem');
    expect(rules.find((r) => r.id === 'run-as-root')?.fixable).toBe('suggestion');
    expect(rules.find((r) => r.id === 'dangling-service-selector')?.fixable).toBeNull();
  });
});
