import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DIFF_HELP, LINT_HELP } from '../src/cli/help.js';
import { REPO_ROOT } from './helpers/shared.js';

interface Step { id?: string; if?: string; run?: string; env?: Record<string, string> }
const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { steps: Step[] } };

describe('action.yml: baseline, changed-since and the pull request diff', () => {
  it('passes baseline and changed-since to lint as flags lint knows, through the environment', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['baseline', 'changed-since', 'diff-base', 'pr-summary']));
    const lint = action.runs.steps.find((s) => s.id === 'lint')!;
    expect(lint.env).toMatchObject({ KUBEKNIT_BASELINE: '${{ inputs.baseline }}', KUBEKNIT_CHANGED_SINCE: '${{ inputs.changed-since }}' });
    expect(lint.run).toContain('--baseline "$KUBEKNIT_BASELINE"');
    expect(lint.run).toContain('--changed-since "$KUBEKNIT_CHANGED_SINCE"');
    for (const flag of lint.run!.match(/--[a-z-]+/g)!) expect(LINT_HELP).toContain(flag);
  });

  it('on a pull request writes the Markdown diff against the base commit to the job summary', () => {
    const diff = action.runs.steps.find((s) => s.id === 'diff')!;
    expect(diff.if).toContain("github.event_name == 'pull_request'");
    expect(diff.env?.KUBEKNIT_DIFF_BASE).toBe('${{ inputs.diff-base || github.event.pull_request.base.sha }}');
    expect(diff.run).toContain('kubeknit.js" diff "$KUBEKNIT_DIFF_BASE"');
    expect(diff.run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(diff.run).not.toContain('${{');
    for (const flag of diff.run!.match(/--[a-z-]+/g)!) expect(DIFF_HELP).toContain(flag);
  });
});
