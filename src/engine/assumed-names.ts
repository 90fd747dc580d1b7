/**
 * The `assumeExisting` option of missing-reference rules: names of objects that live outside the
 * input (made by an operator, applied by another pipeline). An entry is `name` (any namespace) or
 * `namespace/name`; `*` matches any run of characters.
 */
export const ASSUME_EXISTING_SCHEMA = {
  type: 'array',
  items: { type: 'string' },
  description: 'Names assumed to exist outside the input: "name" (any namespace) or "namespace/name"; "*" is a wildcard.',
} as const;

export function isAssumedToExist(patterns: readonly string[] | undefined, namespace: string | null, name: string): boolean {
  if (!patterns?.length) return false;
  const full = namespace === null ? name : `${namespace}/${name}`;
  return patterns.some((pattern) => {
    const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    return pattern.includes('/') ? re.test(full) : re.test(name);
  });
}
