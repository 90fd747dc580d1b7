import path from 'node:path';
import { findConfigFile, type ResolvedConfig } from '../config/index.js';
import { loadConfigFile } from '../index.js';
import { checkSchemaLocations } from '../schema/locations.js';

/** The configuration that applies to a workspace folder, as the CLI would find it there. */
export interface WorkspaceConfig {
  /** The resolved `.kubeknit.{yaml,yml,json}`, when one applies and is valid. */
  config?: ResolvedConfig;
  /** Why the config file found could not be used (the editor shows it; linting goes on without it). */
  error?: string;
}

/**
 * Reads the config file that applies in `root` (searched upwards to the repository root, as
 * `kubeknit lint` run from that folder does) with the CLI's loader: rule settings, presets,
 * overrides, custom rules, `kubernetesVersion`, `schemaLocations` and `ignore` all apply.
 */
export async function readWorkspaceConfig(root: string): Promise<WorkspaceConfig> {
  const file = findConfigFile(root);
  if (!file) return {};
  try {
    const config = await loadConfigFile(file);
    checkSchemaLocations(config.schemaLocations); // a URL is refused here, as `kubeknit lint` refuses it, not at every analysis
    return { config };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) }; // a broken config must not stop the editor
  }
}

/** The folder of the config file that applies at or above `start`, if any. */
export function findConfigDir(start: string): string | undefined {
  const file = findConfigFile(start);
  return file ? path.dirname(file) : undefined;
}
