/** A JSON schema kept as plain data (draft-07, as ajv reads it). */
export type JsonSchema = { [key: string]: unknown };

/** What `kubeknit schemas import` writes per Kubernetes version: one shared definitions table. */
export interface KubeSchemaBundle {
  /** The Kubernetes minor version, e.g. `1.35`. */
  kubernetesVersion: string;
  /** `apiVersion/Kind` (`apps/v1/Deployment`, `v1/Pod`) → definition name, for every kind the release serves. */
  kinds: Record<string, string>;
  /** Strict schemas; references point at `#/definitions/<name>`. */
  definitions: Record<string, JsonSchema>;
}

/** The key of a kind in bundles and tables: `apps/v1/Deployment`, `v1/Pod`. */
export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** The `$id` of a bundle's definitions when validators are compiled from it. */
export function bundleDocumentId(kubernetesVersion: string): string {
  return `https://kubeknit.dev/schemas/kubernetes/${kubernetesVersion}`;
}
