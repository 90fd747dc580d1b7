import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp.js';

const service = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: nothing}\n`;

describe('kubeknit lint with a config file (built CLI, fresh process)', () => {
  it('finds .kubeknit.yaml above the current folder, applies it, and writes stylish and SARIF in one run', () => {
    const root = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.kubeknit.yaml': [
        'rules:', '  dangling-service-selector: warning',
        'overrides:', '  - files: ["deploy/legacy/**"]', '    rules: {dangling-service-selector: off}',
        'ignore: ["deploy/vendor/**"]',
        'customRules:', '  - id: require-team', '    severity: error', '    message: objects need a team label', '    match: {kinds: [Service]}',
        '    schema: {properties: {metadata: {required: [labels]}}}', '',
      ].join('\n'),
      'deploy/app.yaml': service('app'),
      'deploy/legacy/old.yaml': service('old'),
      'deploy/vendor/theirs.yaml': 'not: [valid\n',
    });
    const run = runCli(['lint', '.', '--format', 'stylish', '--format', 'sarif', '--output', '../kubeknit.sarif'], { cwd: path.join(root, 'deploy') });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1); // the custom rule is an error
    expect(run.stdout).toMatch(/^app\.yaml$/m);
    expect(run.stdout).toMatch(/5:3\s+warning\s+Service "app" selects no Pod.*dangling-service-selector/);
    expect(run.stdout).toMatch(/3:1\s+error\s+objects need a team label: metadata: missing required field "labels"\s+require-team/);
    expect(run.stdout).not.toMatch(/Service "old" selects no Pod/); // off for deploy/legacy by the override
    expect(run.stdout).toMatch(/legacy\/old\.yaml\n\s+3:1\s+error\s+objects need a team label/);
    expect(run.stdout).not.toContain('theirs');
    const log = JSON.parse(readFileSync(path.join(root, 'kubeknit.sarif'), 'utf8'));
    const uris = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['deploy/app.yaml', 'deploy/app.yaml', 'deploy/legacy/old.yaml']); // relative to the repository root
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('require-team');
  });

  it('a bad config is exit 2 naming the file, line and problem; --no-config skips it', () => {
    const root = tempTree({ '.git/HEAD': '', '.kubeknit.yml': 'extends: strict\nrules:\n  dangling-service-selectr: off\n', 'a.yaml': service('a') });
    const run = runCli(['lint', '.'], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('kubeknit: .kubeknit.yml:3:3: rules.dangling-service-selectr: unknown rule "dangling-service-selectr"; did you mean "dangling-service-selector"?\n');
    const skipped = runCli(['lint', '.', '--no-config', '-f', 'github'], { cwd: root });
    expect(skipped.status).toBe(1);
    expect(skipped.stdout).toMatch(/^::error file=a\.yaml,line=5,col=3,endLine=5,endColumn=\d+,title=dangling-service-selector::/);
  });
});
