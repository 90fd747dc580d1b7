import { apiVersionsRemovedBeforeTable } from '../schema/removals.js';
import { EMBEDDED_SCHEMA_DIR, readServedTable } from '../schema/store.js';
import { splitApiVersion } from './scope.js';

let builtInGroups: ReadonlySet<string> | undefined;

/**
 * Whether the Kubernetes API server serves an API group itself (`''`, `apps`, `networking.k8s.io`…),
 * as opposed to a CRD or a component's config file. Read from the embedded `served.json` (every
 * release it covers) plus the groups of APIs removed before it starts (`extensions`).
 */
export function isBuiltInGroup(group: string): boolean {
  builtInGroups ??= readBuiltInGroups();
  return builtInGroups.has(group);
}

function readBuiltInGroups(): ReadonlySet<string> {
  const groups = new Set<string>();
  for (const byApiVersion of Object.values(readServedTable(EMBEDDED_SCHEMA_DIR))) {
    for (const apiVersion of Object.keys(byApiVersion)) groups.add(splitApiVersion(apiVersion).group);
  }
  for (const apiVersion of apiVersionsRemovedBeforeTable()) groups.add(splitApiVersion(apiVersion).group);
  return groups;
}
