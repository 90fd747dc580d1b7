/**
 * Container image references, read the way container runtimes read them:
 * `[registry[:port]/]path[:tag][@digest]`, where the first part is a registry only when it has a
 * `.` or `:` or is `localhost`; otherwise the image lives on Docker Hub (`docker.io`).
 */
export interface ImageRef {
  /** Registry host (with port), `docker.io` when the reference names none. */
  registry: string;
  /** Whether the registry was written out or implied. */
  explicitRegistry: boolean;
  /** Repository path as written, without the registry (`nginx`, `bitnami/redis`). */
  repository: string;
  tag?: string;
  digest?: string;
}

export const DEFAULT_REGISTRY = 'docker.io';

export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  // A colon after the last slash separates the tag; one before it is a registry port.
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const explicitRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: explicitRegistry ? first : DEFAULT_REGISTRY,
    explicitRegistry,
    repository: explicitRegistry ? rest.slice(slash + 1) : rest,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

/** Whether an image field holds a placeholder a tool fills in later (`$(IMAGE)`, `{{ .image }}`, `${TAG}`). */
export function isTemplatedImage(image: string): boolean {
  return /\$\(|\$\{|\{\{/.test(image);
}
