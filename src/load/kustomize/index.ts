import path from 'node:path';
import type { K8sObject } from '../../types.js';
import { UsageError } from '../errors.js';
import { refuseDeepDocuments } from '../nesting-scan.js';
import { manifestObject, parseStream } from '../parse.js';
import { FILE_START, type LoadProblem } from '../problems.js';
import { buildWithOrigins, DEFAULT_RENDER_TIMEOUT_SECONDS, findKustomizeCommand, parseKustomizeCommand, type KustomizeCommand } from './build.js';
import { findKustomizations } from './find.js';
import { forgetKustomizationFiles, type KustomizationFile } from './kustomization-file.js';
import { BuildNames, forgetPatchTexts, mappedSource, OriginFiles } from './map.js';
import { takeOrigin } from './origin.js';

export { DEFAULT_RENDER_TIMEOUT_SECONDS } from './build.js';

export interface KustomizeOptions {
  /** `render`: build every kustomization (no kustomize is a usage error); `skip`: lint the files as they are; unset: render when a kustomize is found. */
  mode?: 'render' | 'skip';
  /** The command that builds a directory, e.g. `kustomize build` (the directory is added last). */
  command?: string;
  /** Seconds one build may take (default 60). */
  timeoutSeconds?: number;
}

/** What building the kustomizations among the inputs gave. */
export interface KustomizeLoad {
  objects: K8sObject[];
  problems: LoadProblem[];
  /** Files the built objects map to (resources, kustomization files), as displayed. */
  files: string[];
  texts: Map<string, string>;
  /** Whether a discovered file is read through a build (so it is not loaded on its own). */
  isBuilt(file: string): boolean;
}

const NOTHING: KustomizeLoad = { objects: [], problems: [], files: [], texts: new Map(), isBuilt: () => false };

/**
 * Builds each kustomization among the inputs that no other one builds on (a base used by an overlay
 * in the inputs is linted through that overlay), and maps the built objects back to the files.
 */
export async function loadKustomizations(inputs: readonly string[], options: KustomizeOptions = {}): Promise<KustomizeLoad> {
  if (options.mode === 'skip') return NOTHING;
  forgetKustomizationFiles();
  forgetPatchTexts();
  // Fetching is the user's choice (`--kustomize render`), never a pull request's.
  const tree = findKustomizations(inputs, { allowRemote: options.mode === 'render' });
  if (!tree.kustomizationFiles.size) return NOTHING;
  const display = displayPaths(inputs);
  const command = chooseCommand(options);
  const isKustomization = (file: string) => tree.kustomizationFiles.has(path.resolve(file));
  if (!command) {
    const first = [...tree.kustomizationFiles].sort()[0];
    return {
      ...NOTHING,
      files: [display(first)],
      problems: [{
        kind: 'kustomization', file: display(first), range: FILE_START,
        message: `${tree.kustomizationFiles.size} kustomization file(s) not built: neither kustomize nor kubectl is on PATH; install one (https://kubectl.docs.kubernetes.io/installation/kustomize/) or pass --kustomize-command; the other files are linted as they are`,
      }],
      isBuilt: isKustomization,
    };
  }
  const timeoutMs = Math.max(1, options.timeoutSeconds ?? DEFAULT_RENDER_TIMEOUT_SECONDS) * 1000;
  const built = new Set([...tree.kustomizationFiles, ...tree.consumed]);
  const isBuilt = (file: string) => {
    const abs = path.resolve(file);
    return built.has(abs) || tree.ownedDirs.has(path.dirname(abs));
  };
  const out: KustomizeLoad = { objects: [], problems: [], files: [], texts: new Map(), isBuilt };
  const files = new Set<string>();
  for (const { root, at, entry, path: entryPath } of tree.refused) {
    files.add(display(root.file)).add(display(at.file));
    out.problems.push({
      kind: 'kustomization', file: display(at.file), range: at.locate(entryPath),
      message: `kustomization ${display(root.dir)} not built: it uses the remote resource "${entry}", and kubeknit does not fetch from the network unless --kustomize render is given; the files are linted as they are`,
    });
  }
  for (const root of tree.roots) {
    files.add(display(root.file));
    const { result, tempDir } = await buildWithOrigins(root.dir, command, timeoutMs);
    if ('error' in result) {
      if (result.missingProgram) throw new UsageError(`--kustomize render: ${result.error}; install kustomize or kubectl, or name another with --kustomize-command`);
      out.problems.push({ kind: 'kustomize-failed', file: display(root.file), range: FILE_START, message: `${command.display} failed: ${result.error}` });
      continue;
    }
    const origins = new OriginFiles(display);
    // kustomize's output is input too: a document nested too deeply is refused before yaml sees it
    const refused = refuseDeepDocuments(display(root.file), result.text);
    for (const problem of refused?.problems ?? []) out.problems.push({ ...problem, range: FILE_START, message: `${command.display} output: ${problem.message}` });
    for (const obj of builtObjects(refused?.rest ?? result.text, tempDir, root, origins, built)) {
      out.objects.push(obj);
      files.add(obj.source.file);
    }
    for (const [file, text] of origins.texts()) out.texts.set(file, text);
  }
  out.files = [...files].sort();
  return out;
}

function builtObjects(text: string, buildDir: string, root: KustomizationFile, origins: OriginFiles, built: Set<string>): K8sObject[] {
  const parsed = parseStream(`${root.file}#built`, text);
  const names = new BuildNames();
  return parsed.objects.map((obj) => {
    const origin = takeOrigin(obj.body, buildDir);
    if (origin.file) built.add(origin.file);
    for (const k of origin.transformedIn) built.add(k);
    return manifestObject(obj.body, mappedSource(obj, origin, root, origins, names));
  });
}

function chooseCommand(options: KustomizeOptions): KustomizeCommand | undefined {
  if (options.command !== undefined) {
    const command = parseKustomizeCommand(options.command);
    if (!command) throw new UsageError('--kustomize-command is empty');
    return command;
  }
  const found = findKustomizeCommand();
  if (!found && options.mode === 'render') throw new UsageError('--kustomize render: neither kustomize nor kubectl is on PATH; install one, or name the command with --kustomize-command');
  return found;
}

/** Paths as the user sees them: absolute when the inputs are, else relative to the working folder (as file discovery shows them). */
function displayPaths(inputs: readonly string[]): (abs: string) => string {
  const absolute = inputs.length > 0 && inputs.every((i) => path.isAbsolute(i));
  return (abs) => {
    const rel = path.relative(process.cwd(), abs);
    const shown = absolute || path.isAbsolute(rel) ? abs : rel;
    return shown.split(path.sep).join('/');
  };
}
