import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kubeknit lint examples/ (built CLI, fresh process)', () => {
  it('prints the deliberate mistakes in stylish format and exits 1', () => {
    const run = runCli(['lint', 'examples/']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/examples\/shop\/database\.yaml\n\s+\d+:\d+\s+error\s+.*volume "backups".*volume-mount-missing-volume/);
    expect(run.stdout).toMatch(/Service "db-read" selects no Pod.*dangling-service-selector/);
    expect(run.stdout).toMatch(/port 8080\/TCP of container "metrics".*duplicate-container-port/);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
    expect(run.stdout).not.toContain('\u001b['); // no colours when not a terminal
  });

  it('--format json has the documented shape', () => {
    const run = runCli(['lint', 'examples/', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary).sort()).toEqual(['errors', 'files', 'infos', 'objects', 'warnings']);
    expect(report.summary.files).toBe(5);
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual(['column', 'data', 'endColumn', 'endLine', 'file', 'line', 'message', 'messageId', 'object', 'ruleId', 'severity']);
      expect(f.line).toBeGreaterThan(0);
      expect(['error', 'warning', 'info']).toContain(f.severity);
    }
    const dangling = report.findings.find((f: { ruleId: string }) => f.ruleId === 'dangling-service-selector');
    expect(dangling.object).toEqual({ apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'db-read' });
    expect(dangling.file).toBe('examples/shop/database.yaml');
    // the message id and its data: what a tool matches instead of the English text
    expect([dangling.messageId, dangling.data]).toEqual(['noPod', { name: 'db-read', namespace: 'shop', selector: 'app.kubernetes.io/name=database' }]);
  });

  it('exits 0 on a clean input and says so', () => {
    const run = runCli(['lint', '-', '--stdin-filename', 'cm.yaml'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no problems');
  });

  it('reads stdin and reports the --stdin-filename', () => {
    const run = runCli(['lint', '-', '--stdin-filename', 'rendered.yaml', '--format', 'json'], { input: 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  selector: {app: x}\n' });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).findings[0]).toMatchObject({ file: 'rendered.yaml', line: 5, ruleId: 'dangling-service-selector' });
  });

  it('exits 2 with one line for a path that does not exist', () => {
    const run = runCli(['lint', 'no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no/such/dir');
  });

  it('exits 2 for an unknown flag or format', () => {
    expect(runCli(['lint', '--frobnicate']).status).toBe(2);
    const run = runCli(['lint', 'examples', '--format', 'xml']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown format "xml"');
  });

  it('--max-warnings turns warnings into exit 1', () => {
    const input = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  selector: {app: x}\n';
    const asWarning = runCli(['lint', '-', '--rule', 'dangling-service-selector=warning'], { input });
    expect(asWarning.status).toBe(0);
    expect(runCli(['lint', '-', '--rule', 'dangling-service-selector=warning', '--max-warnings', '0'], { input }).status).toBe(1);
  });

  it('--output writes the report to a file', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = `${mkdtempSync(`${tmpdir()}/kk-`)}/report.json`;
    const run = runCli(['lint', 'examples/', '-f', 'json', '-o', out]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).version).toBe(1);
  });

  it('--version and --help', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['lint', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
  });

  it('kubeknit rules lists the rules and shows one rule\'s docs', () => {
    const list = runCli(['rules']);
    expect(list.stdout).toMatch(/dangling-service-selector\s+relationships\s+error/);
    const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout);
    expect(json.map((r: { id: string }) => r.id)).toContain('volume-mount-missing-volume');
    expect(json.find((r: { id: string }) => r.id === 'dangling-service-selector').messages.noPod).toContain('selects no Pod');
    const one = runCli(['rules', 'duplicate-container-port']);
    expect(one.stdout).toContain('How to fix');
    expect(runCli(['rules', 'no-such-rule']).status).toBe(2);
  });
});
