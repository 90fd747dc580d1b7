import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How to run kustomize: the program and the arguments before the directory. */
export interface KustomizeCommand {
  program: string;
  args: string[];
  /** As the user would write it, for messages. */
  display: string;
}

export const DEFAULT_RENDER_TIMEOUT_SECONDS = 60;

/** Big apps render to many megabytes; more than this is not an app but a runaway. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** `kustomize build` when kustomize is on PATH, else `kubectl kustomize`; undefined when neither is. */
export function findKustomizeCommand(env: NodeJS.ProcessEnv = process.env): KustomizeCommand | undefined {
  if (onPath('kustomize', env)) return { program: 'kustomize', args: ['build'], display: 'kustomize build' };
  if (onPath('kubectl', env)) return { program: 'kubectl', args: ['kustomize'], display: 'kubectl kustomize' };
  return undefined;
}

/** A `--kustomize-command` value: words split on spaces (no shell), the directory is added last. */
export function parseKustomizeCommand(text: string): KustomizeCommand | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  return { program: words[0], args: words.slice(1), display: words.join(' ') };
}

function onPath(program: string, env: NodeJS.ProcessEnv): boolean {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${program}.exe`, `${program}.cmd`] : [program];
  return dirs.some((dir) => names.some((name) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }));
}

export type BuildResult = { text: string } | { error: string; missingProgram?: boolean };

/**
 * Builds the kustomization in `targetDir` with origin and transformer annotations, without writing
 * to the user's tree: a temporary kustomization names the target as its one resource. kustomize
 * refuses absolute roots, so the target is named by a path relative to the temporary folder.
 */
export async function buildWithOrigins(targetDir: string, command: KustomizeCommand, timeoutMs: number): Promise<{ result: BuildResult; tempDir: string }> {
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'kubeknit-kustomize-'));
  try {
    const target = path.relative(tempDir, path.resolve(targetDir)).split(path.sep).join('/');
    writeFileSync(path.join(tempDir, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`,
      { flag: 'wx' });
    const result = await run(command, tempDir, timeoutMs);
    return { result, tempDir };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

function run(command: KustomizeCommand, dir: string, timeoutMs: number): Promise<BuildResult> {
  return new Promise((resolve) => {
    execFile(command.program, [...command.args, dir], { timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve({ text: stdout });
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return resolve({ error: `"${command.program}" was not found`, missingProgram: true });
      if (err.killed || (err as { signal?: string }).signal === 'SIGTERM') return resolve({ error: `${command.display} did not finish within ${Math.round(timeoutMs / 1000)} s` });
      resolve({ error: withoutWrapper(kustomizeMessage(stderr)) || err.message.split('\n')[0] });
    });
  });
}

/** The error as building the target itself gives it, without the layer of the temporary kustomization around it. */
function withoutWrapper(message: string): string {
  const marker = message.indexOf("': recursed accumulation of path '");
  if (marker < 0) return message;
  const rest = message.slice(marker + "': recursed accumulation of path '".length);
  const end = rest.indexOf("': ");
  return end >= 0 ? rest.slice(end + 3) : message;
}

/** kustomize's own words, without kubectl's log prefix (`E1202 04:00:55.937417 11235 run.go:72] "command failed" err=`). */
export function kustomizeMessage(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('# Warning'));
  const text = lines.join(' ');
  const err = /\berr="((?:[^"\\]|\\.)*)"/.exec(text);
  const message = err ? err[1].replace(/\\(.)/g, '$1') : text.replace(/^Error:\s*/, '');
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}
