import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Well-known YAML files of a repository that are not Kubernetes objects: CI and tool configs, and
 * Helm chart sources. A directory walk leaves them out; a file named on the command line is still read.
 */
const NON_MANIFEST_NAMES: readonly RegExp[] = [
  /^action\.ya?ml$/, /^docker-compose.*\.ya?ml$/, /^compose(?:\.[\w-]+)?\.ya?ml$/, /^\.pre-commit-/, /^\.gitlab-ci\.ya?ml$/,
  /^chart\.ya?ml$/, /^values.*\.ya?ml$/, /^cloudbuild.*\.ya?ml$/, /^skaffold.*\.ya?ml$/, /^\.golangci\.ya?ml$/,
  /^\.goreleaser\.ya?ml$/, /^codecov\.ya?ml$/, /^mkdocs\.ya?ml$/, /^\.travis\.ya?ml$/, /^\.yamllint(?:\.ya?ml)?$/,
  /^dependabot\.ya?ml$/, /^renovate\.json$/, /^package(?:-lock)?\.json$/, /^tsconfig.*\.json$/, /^devfile\.ya?ml$/,
  /^tiltfile$/, /^\.?kind(?:-config)?\.ya?ml$/, /^kubeadm.*\.ya?ml$/, /^azure-pipelines\.ya?ml$/, /^bitbucket-pipelines\.ya?ml$/,
  /^\.readthedocs\.ya?ml$/, /^netlify\.toml$/, /^helmfile.*\.ya?ml$/,
];

/** Directories a walk does not enter: CI configuration. */
export const NON_MANIFEST_DIRECTORIES: ReadonlySet<string> = new Set(['.github', '.circleci', '.gitlab']);

/** Whether a file found by a directory walk is a well-known non-manifest (by its name or place). */
export function isWellKnownNonManifest(file: string, chartRoots: ReadonlySet<string>): boolean {
  const name = path.posix.basename(file).toLowerCase();
  if (NON_MANIFEST_NAMES.some((re) => re.test(name))) return true;
  return inChartTemplates(file, chartRoots);
}

/** A file under `templates/` (or `charts/`) of a folder holding a `Chart.yaml`: a Helm chart's source. */
function inChartTemplates(file: string, chartRoots: ReadonlySet<string>): boolean {
  let dir = path.posix.dirname(file);
  for (;;) {
    const parent = path.posix.dirname(dir);
    const base = path.posix.basename(dir);
    if ((base === 'templates' || base === 'charts' || base === 'crds') && chartRoots.has(parent)) return true;
    if (parent === dir) return false;
    dir = parent;
  }
}

/** Whether a file name is a Helm chart's `Chart.yaml` (its folder is a chart root). */
export function isChartFile(name: string): boolean {
  return /^chart\.ya?ml$/i.test(name);
}

const KUSTOMIZATION = /^kustomization(?:\.ya?ml)?$/i;

export function isKustomizationFile(name: string): boolean {
  return KUSTOMIZATION.test(name);
}

/**
 * The patch files a kustomization names (`patches`, `patchesStrategicMerge`, `patchesJson6902`):
 * fragments that look like objects but are not. Paths are resolved against the kustomization's folder.
 */
export function kustomizePatchFiles(kustomizationFile: string): string[] {
  let doc: unknown;
  try {
    doc = parse(readFileSync(kustomizationFile, 'utf8'), { logLevel: 'silent' });
  } catch {
    return [];
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const dir = path.posix.dirname(kustomizationFile);
  const out: string[] = [];
  for (const field of ['patches', 'patchesStrategicMerge', 'patchesJson6902']) {
    const list = Object.hasOwn(doc, field) ? (doc as Record<string, unknown>)[field] : undefined;
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const ref = typeof entry === 'string' ? entry : entry !== null && typeof entry === 'object' && typeof (entry as { path?: unknown }).path === 'string' ? (entry as { path: string }).path : undefined;
      // an inline strategic-merge patch is YAML text, not a path
      if (ref && !ref.includes('\n')) out.push(path.posix.normalize(path.posix.join(dir, ref)));
    }
  }
  return out;
}
