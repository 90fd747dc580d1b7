/** How an object is told apart in a run: `Kind/namespace/name`, or `Kind/name` when cluster-scoped. */
export function objectId(kind: string, namespace: string | null, name: string): string {
  return namespace === null ? `${kind}/${name}` : `${kind}/${namespace}/${name}`;
}
