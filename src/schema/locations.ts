import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../load/errors.js';

export interface KindCoordinates {
  group: string;
  version: string;
  kind: string;
  kubernetesVersion: string;
}

/**
 * The schema file for a kind in the user's schema locations: folders laid out as
 * `{group}/{kind}_{version}.json` (the CRDs-catalog layout, kind in lower case), or
 * kubeconform-style path templates (`{{.Group}}`, `{{.ResourceKind}}`, `{{.ResourceAPIVersion}}`, `{{.KindSuffix}}`).
 */
export function findLocationSchema(locations: readonly string[], kind: KindCoordinates): string | undefined {
  // group, version and kind come from the input: `apiVersion: ../outside/v1` must not leave the folder
  if (![kind.group, kind.version, kind.kind].every(isPathSafe)) return undefined;
  for (const location of locations) {
    const candidates = location.includes('{{') ? [expandTemplate(location, kind)] : folderCandidates(location, kind);
    // Only a regular file: a checked-in symlink to /dev/zero or a FIFO would never finish reading.
    const found = candidates.find((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
    if (found) return found;
  }
  return undefined;
}

/** A name that stays one path segment: no `..`, no separators, no NUL. */
function isPathSafe(name: string): boolean {
  return name !== '.' && name !== '..' && !/[/\\\0]/.test(name) && !name.includes('..');
}

/** Refuses locations kubeknit cannot read offline. */
export function checkSchemaLocations(locations: readonly string[]): void {
  for (const location of locations) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) throw new UsageError(`--schema-location ${location}: only local folders and path templates are read (no network)`);
    if (!location.includes('{{') && !existsSync(location)) throw new UsageError(`--schema-location ${location}: no such folder`);
  }
}

function folderCandidates(folder: string, { group, version, kind }: KindCoordinates): string[] {
  const lower = kind.toLowerCase();
  return [path.join(folder, group, `${lower}_${version}.json`), path.join(folder, group, `${kind}_${version}.json`)];
}

function expandTemplate(template: string, { group, version, kind, kubernetesVersion }: KindCoordinates): string {
  const kindSuffix = group ? `-${group.split('.')[0]}-${version}` : `-${version}`;
  const values: Record<string, string> = {
    Group: group,
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: version,
    KindSuffix: kindSuffix,
    NormalizedKubernetesVersion: `v${kubernetesVersion}.0`,
    StrictSuffix: '-strict',
  };
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** A schema file's JSON object, or why it cannot be used (unreadable, not JSON, not an object). */
export function readSchemaFile(file: string): { schema: Record<string, unknown> } | { reason: string } {
  try {
    const schema: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return schema !== null && typeof schema === 'object' && !Array.isArray(schema) ? { schema: schema as Record<string, unknown> } : { reason: 'it is not a JSON object' };
  } catch (err) {
    return { reason: `it cannot be read: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
  }
}
