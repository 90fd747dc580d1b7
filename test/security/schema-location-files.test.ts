import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

/** A guard against a hang, not a timing assertion. */
const GUARD_MS = 30_000;

describe('schema locations read regular files only', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!existsSync('/dev/zero'))('a schema file that is a symlink to /dev/zero (git can store one) is not read: the kind has no schema, and the run ends', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-schema-special-'));
    mkdirSync(path.join(dir, 'schemas', 'example.com'), { recursive: true });
    symlinkSync('/dev/zero', path.join(dir, 'schemas', 'example.com', 'widget_v1.json'));
    writeFileSync(path.join(dir, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: default}\n');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/kubeknit.js'), 'lint', '--no-config', '--kustomize', 'skip', '--schema-location', path.join(dir, 'schemas'), '-f', 'json', path.join(dir, 'widget.yaml')], {
      encoding: 'utf8', timeout: GUARD_MS, input: '',
    });
    expect(run.signal).toBeNull();
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; message: string }> }).findings;
    expect(findings.map((f) => f.ruleId)).toContain('unknown-kind');
  });
});
