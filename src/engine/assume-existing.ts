import picomatch from 'picomatch';
import type { JsonSchema } from './rule.js';

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
