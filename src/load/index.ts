import type { K8sObject } from '../types.js';
import { detectUnrenderedSource } from './detect.js';
import { discoverFiles, STDIN_INPUT } from './discover.js';
import { UsageError } from './errors.js';
import { parseManifestText } from './parse.js';
import type { LoadProblem } from './problems.js';
import { DEFAULT_MAX_FILE_SIZE, readManifestFile } from './read.js';
import { CLUSTER_SCOPED_KINDS } from './scope.js';

export { UsageError } from './errors.js';
export { parseFieldPath, formatFieldPath, normalizeFieldPath } from './field-path.js';
export { ObjectSet } from './object-set.js';
export type { LoadProblem, LoadProblemRule } from './problems.js';
export { discoverFiles, STDIN_INPUT } from './discover.js';
export { parseManifestText } from './parse.js';

/** Text given directly rather than read from disk (stdin, an editor buffer). */
export interface InlineSource {
  file: string;
  text: string;
}

export interface LoadOptions {
  ignore?: readonly string[];
  maxFileSize?: number;
  /** Texts that replace (or add to) what is on disk under the same file name. */
  inline?: readonly InlineSource[];
  /** Leaves out files a predicate rejects (a config file's `ignore`). */
  exclude?: (file: string) => boolean;
}

export interface LoadResult {
  files: string[];
  objects: K8sObject[];
  problems: LoadProblem[];
  /** The text of every file read, by file name (for comment directives such as `# kubeknit-disable`). */
  texts: Map<string, string>;
}

/** Loads every manifest named by the inputs. Broken files become problems; the rest still loads. */
export function loadInputs(inputs: readonly string[], options: LoadOptions = {}): LoadResult {
  const inline = new Map((options.inline ?? []).map((s) => [s.file, s.text]));
  if (inputs.includes(STDIN_INPUT) && inline.size === 0) throw new UsageError('"-" reads standard input, but no input was given');
  const files = discoverFiles(inputs.filter((i) => i !== STDIN_INPUT || inline.size === 0), { ignore: options.ignore, exclude: options.exclude });
  for (const file of inline.keys()) if (!files.includes(file)) files.push(file);
  const result: LoadResult = { files, objects: [], problems: [], texts: new Map() };
  for (const file of files) {
    const text = inline.get(file);
    const read = text !== undefined ? { text } : readManifestFile(file, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if ('problem' in read) {
      result.problems.push(read.problem);
      continue;
    }
    result.texts.set(file, read.text);
    const notYetManifest = detectUnrenderedSource(file, read.text);
    if (notYetManifest) {
      result.problems.push(notYetManifest);
      continue;
    }
    const parsed = parseManifestText(file, read.text);
    result.objects.push(...parsed.objects);
    result.problems.push(...parsed.problems);
  }
  applyCustomResourceScopes(result.objects);
  makeIdsUnique(result.objects);
  return result;
}

/** A CRD in the input with `scope: Cluster` makes its custom resources cluster-scoped. */
export function applyCustomResourceScopes(objects: K8sObject[]): void {
  const clusterKinds = new Set<string>();
  for (const obj of objects) {
    if (obj.kind !== 'CustomResourceDefinition') continue;
    const spec = obj.body.spec as { scope?: unknown; names?: { kind?: unknown } } | undefined;
    if (spec?.scope === 'Cluster' && typeof spec.names?.kind === 'string') clusterKinds.add(spec.names.kind);
  }
  if (!clusterKinds.size) return;
  for (const obj of objects) {
    if (obj.namespace !== null && clusterKinds.has(obj.kind) && !CLUSTER_SCOPED_KINDS.has(obj.kind)) {
      obj.namespace = null;
      obj.id = `${obj.kind}/${obj.name}`;
    }
  }
}

/** Duplicates (reported by `duplicate-object`) keep distinct ids so each stays its own graph node. */
function makeIdsUnique(objects: K8sObject[]): void {
  const seen = new Map<string, number>();
  for (const obj of objects) {
    const count = (seen.get(obj.id) ?? 0) + 1;
    seen.set(obj.id, count);
    if (count > 1) obj.id = `${obj.id}#${count}`;
  }
}
