import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LINT_HELP } from '../src/cli/help.js';
import { REPO_ROOT } from './helpers/shared.js';

const read = (file: string) => parse(readFileSync(path.join(REPO_ROOT, file), 'utf8'));

describe('action.yml and .pre-commit-hooks.yaml', () => {
  it('the action runs kubeknit with flags that exist and uploads its SARIF', () => {
    const action = read('action.yml') as { runs: { using: string; steps: Array<{ uses?: string; run?: string; with?: Record<string, string> }> } };
    expect(action.runs.using).toBe('composite');
    const lint = action.runs.steps.find((s) => s.run?.includes('kubeknit.js" lint'))!;
    expect(lint.run).toContain('--format sarif --output "$KUBEKNIT_SARIF"');
    for (const flag of lint.run!.match(/--[a-z-]+/g)!) expect(LINT_HELP).toContain(flag);
    expect(lint.run).not.toContain('${{'); // inputs come in through env, never pasted into the script
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.sarif_file).toBe('${{ inputs.sarif-file }}');
  });

  it('the pre-commit hook calls the package\'s bin', () => {
    const hooks = read('.pre-commit-hooks.yaml') as Array<{ id: string; entry: string; language: string }>;
    const bin = Object.keys((JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin);
    expect(hooks.map((h) => h.id)).toEqual(['kubeknit']);
    expect(bin).toContain(hooks[0].entry.split(' ')[0]);
    expect(hooks[0].language).toBe('node');
  });
});
