import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './shared.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`bin/kubeknit.js` → `dist/`) as a separate process, as a user or CI would. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/kubeknit.js'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
