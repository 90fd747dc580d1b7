import picomatch from 'picomatch';
import { inInventory } from '../k8s/cluster-inventory.js';
import type { JsonSchema, RunSettings } from './rule.js';

/** Options of the missing-reference rules: names made outside the input (cert-manager Secrets, Helm hooks…). */
export interface AssumeExistingOptions {
  assumeExisting?: string[];
}

export const ASSUME_EXISTING_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    assumeExisting: {
      type: 'array',
      items: { type: 'string' },
      description: 'Names assumed to exist outside the input: "name" or "namespace/name", globs allowed ("*-tls", "monitoring/*").',
    },
  },
  additionalProperties: false,
};

/** Whether a name (in a namespace, or cluster-scoped) is one the user said exists outside the input. */
export function assumedToExist(patterns: readonly string[] | undefined, namespace: string | null, name: string): boolean {
  if (!patterns?.length) return false;
  const full = namespace === null ? name : `${namespace}/${name}`;
  return patterns.some((pattern) => picomatch.isMatch(pattern.includes('/') ? full : name, pattern, { dot: true }));
}

/**
 * Whether an object the input lacks exists in the cluster all the same: the cluster inventory
 * (config `cluster:`, `--cluster-inventory`) lists it, or the rule's `assumeExisting` names it.
 */
export function existsOutside(ctx: { options: AssumeExistingOptions; settings: RunSettings }, kind: string, namespace: string | null, name: string): boolean {
  return inInventory(ctx.settings.cluster, kind, namespace, name) || assumedToExist(ctx.options.assumeExisting, namespace, name);
}
