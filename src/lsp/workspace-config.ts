import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** What the language server takes from a workspace's configuration file. */
export interface WorkspaceConfig {
  /** Globs (relative to the workspace folder) of files to leave out. */
  ignore: string[];
}

export const CONFIG_FILE_NAMES = ['.kubeknit.yaml', '.kubeknit.yml'];

/**
 * Reads the `ignore` list of the workspace's `.kubeknit.yaml`, and nothing else.
 * Hook for the configuration loader: when it lands, replace this body with its result
 * (rule settings and presets then flow into `WorkspaceOptions.selection` too).
 */
export function readWorkspaceConfig(root: string): WorkspaceConfig {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(root, name);
    if (!existsSync(file)) continue;
    try {
      const value: unknown = parse(readFileSync(file, 'utf8'));
      const ignore = (value as { ignore?: unknown } | null)?.ignore;
      return { ignore: Array.isArray(ignore) ? ignore.filter((g): g is string => typeof g === 'string') : [] };
    } catch {
      return { ignore: [] }; // a broken config must not stop the editor; the CLI reports it
    }
  }
  return { ignore: [] };
}

/** The nearest folder at or above `start` holding a kubeknit configuration file. */
export function findConfigDir(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (CONFIG_FILE_NAMES.some((name) => existsSync(path.join(dir, name)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
