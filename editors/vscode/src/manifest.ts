/** Whether a YAML or JSON text looks like Kubernetes manifests: a top-level `apiVersion` and `kind`. */
export function looksLikeKubernetesManifest(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  const yamlKeys = /^(apiVersion|kind)\s*:/gm;
  const seen = new Set<string>();
  for (const match of head.matchAll(yamlKeys)) seen.add(match[1]);
  if (seen.size === 2) return true;
  return /"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head);
}

/** File names that mark a kubeknit project even before a manifest is open. */
export const CONFIG_FILE_GLOB = '**/.kubeknit.{yaml,yml,json}';
