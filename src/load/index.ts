import type { K8sObject } from '../types.js';
import { detectKustomization } from './detect.js';
import { discoverInputs, STDIN_INPUT } from './discover.js';
import { UsageError } from './errors.js';
import { objectId } from '../k8s/object-id.js';
import { refuseDeepDocuments } from './nesting-scan.js';
import { parseStream, withoutByteOrderMark, type ParsedFile } from './parse.js';
import type { LoadProblem } from './problems.js';
import { DEFAULT_MAX_FILE_SIZE, readManifestFile } from './read.js';
import { CLUSTER_SCOPED_KINDS } from '../k8s/scope.js';

export { UsageError } from './errors.js';
export { parseFieldPath, formatFieldPath, normalizeFieldPath } from './field-path.js';
export { ObjectSet } from './object-set.js';
export type { LoadProblem, LoadProblemKind } from './problems.js';
export { discoverFiles, STDIN_INPUT } from './discover.js';
export { parseStream } from './parse.js';

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
  /** With `--cache`: writes the cache, with what this run located; call after the rules ran. */
  saveCache?: () => void;
}

/** Loads every manifest named by the inputs. Broken files become problems; the rest still loads. */
export function loadInputs(inputs: readonly string[], options: LoadOptions = {}): LoadResult {
  const { files, inline, named, problems } = inputFiles(inputs, options);
  return assembleLoad(files, files.map((file) => loadFile(file, inline.get(file), options.maxFileSize)), named, problems);
}

/** The files a load covers (discovered and inline, in order), and the inline texts by file name. */
export function inputFiles(inputs: readonly string[], options: LoadOptions): { files: string[]; inline: Map<string, string>; named: Set<string>; problems: LoadProblem[] } {
  const inline = new Map((options.inline ?? []).map((s) => [s.file, s.text]));
  if (inputs.includes(STDIN_INPUT) && inline.size === 0) throw new UsageError('"-" reads standard input, but no input was given');
  const { files, named, problems } = discoverInputs(inputs.filter((i) => i !== STDIN_INPUT || inline.size === 0), { ignore: options.ignore, exclude: options.exclude });
  for (const file of inline.keys()) {
    if (!files.includes(file)) files.push(file);
    named.add(file);
  }
  return { files, inline, named, problems };
}

/** What loading one file gave: its text (when it could be read), objects and problems. */
export interface FileLoad {
  text?: string;
  parsed: ParsedFile;
}

/** Reads (unless the text is given), detects and parses one file. */
export function loadFile(file: string, text: string | undefined, maxFileSize = DEFAULT_MAX_FILE_SIZE): FileLoad {
  const read = text !== undefined ? { text } : readManifestFile(file, maxFileSize);
  if ('problem' in read) return { parsed: { file, objects: [], problems: [read.problem], documents: 0 } };
  return { text: read.text, parsed: parseReadFile(file, read.text) };
}

/** Detects and parses the text of a file that was read. */
export function parseReadFile(file: string, text: string): ParsedFile {
  const kustomization = detectKustomization(file);
  if (kustomization) return { file, objects: [], problems: [kustomization], documents: 0 };
  // Documents that nest too deeply are refused before any YAML parser (superlinear on them) sees them.
  const refused = refuseDeepDocuments(file, withoutByteOrderMark(text));
  const parsed = parseStream(file, refused?.rest ?? text, { templates: true });
  return refused?.problems.length ? { ...parsed, problems: [...refused.problems, ...parsed.problems] } : parsed;
}

/**
 * Puts the files' results together, in file order, as one load: the one assembly the CLI, the
 * language server and the tests share. `named`: the files given one by one; in the others (found by
 * a directory walk) a document that is no Kubernetes object at all is left out silently.
 */
export function assembleLoad(files: string[], loads: readonly FileLoad[], named?: ReadonlySet<string>, walkProblems: readonly LoadProblem[] = []): LoadResult {
  // What a walk could not read counts as a file of the run, so its finding is reported like any other.
  const unread = walkProblems.map((p) => p.file).filter((file) => !files.includes(file));
  const allFiles = unread.length ? [...files, ...unread].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : files;
  const result: LoadResult = { files: allFiles, objects: [], problems: [...walkProblems], texts: new Map() };
  loads.forEach(({ text, parsed }, i) => {
    if (text !== undefined) result.texts.set(files[i], text);
    for (const obj of parsed.objects) result.objects.push(obj);
    const walked = named !== undefined && !named.has(files[i]);
    for (const problem of parsed.problems) if (!(walked && problem.notAManifest)) result.problems.push(problem);
  });
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
      obj.id = objectId(obj.kind, null, obj.name);
    }
  }
}

/**
 * Puts objects that set no metadata.namespace in `namespace` (what `kubectl -n` does). Worked out
 * afresh on each call, so a kept load can be linted again with another namespace.
 */
export function applyDefaultNamespace(objects: K8sObject[], namespace: string): void {
  let changed = false;
  for (const obj of objects) {
    if (obj.namespace === null) continue;
    const metadata = obj.body.metadata as { namespace?: unknown } | undefined;
    if (typeof metadata?.namespace === 'string' && metadata.namespace !== '') continue;
    if (obj.namespace !== namespace) {
      obj.namespace = namespace;
      changed = true;
    }
  }
  if (changed) makeIdsUnique(objects);
}

/**
 * Duplicates (reported by `duplicate-object`) keep distinct ids, so findings on each point at its
 * own definition. Ids are worked out afresh each time, so a kept load can be assembled again.
 */
function makeIdsUnique(objects: K8sObject[]): void {
  const seen = new Map<string, number>();
  for (const obj of objects) {
    const id = objectId(obj.kind, obj.namespace, obj.name);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    obj.id = count > 1 ? `${id}#${count}` : id;
  }
}
