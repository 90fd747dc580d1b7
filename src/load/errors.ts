/** A problem with how kubeknit was called (bad flag, a path that does not exist): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
