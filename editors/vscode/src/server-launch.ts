/**
 * Which kubeknit the extension starts, and with what: plain code without the VS Code API, so the
 * unit tests run it as it is.
 */
import path from 'node:path';

/** The extension's settings (`kubeknit.*`). Empty strings mean "not set". */
export interface KubeknitSettings {
  enable: boolean;
  path: string;
  preset: string;
  kubernetesVersion: string;
}

export const DEFAULT_SETTINGS: KubeknitSettings = { enable: true, path: '', preset: '', kubernetesVersion: '' };

/** Reads settings from any getter (VS Code's `WorkspaceConfiguration.get`), keeping only well-typed values. */
export function readSettings(get: (key: string) => unknown): KubeknitSettings {
  const text = (key: keyof KubeknitSettings) => {
    const value = get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const enable = get('enable');
  return { enable: typeof enable === 'boolean' ? enable : true, path: text('path'), preset: text('preset'), kubernetesVersion: text('kubernetesVersion') };
}

export type ServerSource = 'setting' | 'workspace' | 'bundled';

export interface ServerLaunch {
  source: ServerSource;
  command: string;
  args: string[];
  /** Extra environment for the process. */
  env: Record<string, string>;
  /** What the server reads in `initialize`. */
  initializationOptions: { preset?: string; kubernetesVersion?: string };
}

export interface LaunchContext {
  settings: KubeknitSettings;
  /** Absolute paths of the workspace folders, in order. */
  workspaceFolders: readonly string[];
  /** The kubeknit entry script bundled in the extension. */
  bundledScript: string;
  /** The runtime that runs the bundled script (VS Code's own, as plain Node). */
  nodeExecutable: string;
  platform: NodeJS.Platform;
  isFile(file: string): boolean;
}

const PRESETS = new Set(['recommended', 'strict', 'all']);

/**
 * The server to start: the `kubeknit.path` setting, else the first workspace folder's
 * `node_modules/.bin/kubeknit` (so a team's pinned version and config apply), else the bundled copy.
 */
export function serverLaunch(context: LaunchContext): ServerLaunch {
  const args = ['lsp', '--stdio'];
  const initializationOptions = initializationOptionsOf(context.settings);
  if (context.settings.path) return { source: 'setting', command: context.settings.path, args, env: {}, initializationOptions };
  const shim = context.platform === 'win32' ? 'kubeknit.cmd' : 'kubeknit';
  for (const folder of context.workspaceFolders) {
    const candidate = path.join(folder, 'node_modules', '.bin', shim);
    if (context.isFile(candidate)) return { source: 'workspace', command: candidate, args, env: {}, initializationOptions };
  }
  // VS Code's executable is Electron; ELECTRON_RUN_AS_NODE makes it a plain Node runtime.
  return { source: 'bundled', command: context.nodeExecutable, args: [context.bundledScript, ...args], env: { ELECTRON_RUN_AS_NODE: '1' }, initializationOptions };
}

function initializationOptionsOf(settings: KubeknitSettings): ServerLaunch['initializationOptions'] {
  const options: ServerLaunch['initializationOptions'] = {};
  if (PRESETS.has(settings.preset)) options.preset = settings.preset;
  if (/^\d+\.\d+$/.test(settings.kubernetesVersion)) options.kubernetesVersion = settings.kubernetesVersion;
  return options;
}

/** Whether two settings values need a new server process. */
export function needsRestart(before: KubeknitSettings, after: KubeknitSettings): boolean {
  return before.enable !== after.enable || before.path !== after.path || before.preset !== after.preset || before.kubernetesVersion !== after.kubernetesVersion;
}
