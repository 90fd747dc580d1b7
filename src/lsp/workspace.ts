import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnitGraph } from '../graph/graph.js';
import { lintLoaded, type LintOptions } from '../index.js';
import { assembleLoad, discoverFiles, loadFile } from '../load/index.js';
import { MANIFEST_EXTENSIONS } from '../load/discover.js';
import type { ParsedFile } from '../load/parse.js';
import type { Finding, K8sObject } from '../types.js';
import { gitignoreToGlobs, relativeMatcher } from './gitignore.js';
import { configGlobMatcher, type ResolvedConfig } from '../config/index.js';
import { isConfigFile } from '../config/find.js';
import { scalarText } from '../k8s/guards.js';
import { loadKustomizations, type KustomizeLoad } from '../load/kustomize/index.js';
import { isKustomizationFile } from '../load/kustomize/kustomization-file.js';
import { addBuilt } from '../load/kustomize/merge.js';
import { LocalFindings } from '../engine/incremental.js';

/** One workspace folder and what to leave out of it. */
interface Root {
  dir: string;
  isIgnored: (relativePath: string) => boolean;
  /** The config file that applies in this folder, if any. */
  config?: ResolvedConfig;
}

/** The result of one analysis of the whole workspace. */
export interface Analysis {
  graph: KnitGraph;
  findings: Finding[];
  /** Findings per file path; files without findings are absent. */
  byFile: Map<string, Finding[]>;
}

export interface WorkspaceOptions {
  /** Rule selection and settings, as for `lint()`. */
  lint?: LintOptions;
  maxFileSize?: number;
}

/**
 * The files of the open workspace, each parsed once and kept by path; an edit re-parses only its
 * file. Every analysis hands the kept objects to `lintLoaded()` (the stages of `lint()` after
 * loading), which rebuilds the graph and runs the rules: milliseconds for thousands of objects (bench/lsp.js).
 */
export class Workspace {
  private readonly roots: Root[] = [];
  private readonly files = new Map<string, { text?: string; parsed: ParsedFile }>();
  private order: string[] | undefined;
  private clusterKinds = '';
  /** The kustomizations of the workspace as last built (from the files on disk). */
  private built: KustomizeLoad | undefined;
  /** Findings of object-local rules on the objects of unchanged files, reused by the next analysis. */
  private readonly localFindings = new LocalFindings();

  constructor(private readonly options: WorkspaceOptions = {}) {}

  /**
   * Adds a workspace folder and loads its manifests, honouring `.gitignore` and the `ignore` list of
   * `config` (the folder's config file, read by `readWorkspaceConfig`).
   */
  addRoot(dir: string, config?: ResolvedConfig): void {
    const gitignore = path.join(dir, '.gitignore');
    const byGit = relativeMatcher(existsSync(gitignore) ? gitignoreToGlobs(readFileSync(gitignore, 'utf8')) : []);
    const byConfig = config?.ignore.length ? configGlobMatcher(config.ignore, config.baseDir) : () => false;
    const root: Root = { dir, config, isIgnored: (relative) => byGit(relative) || byConfig(path.join(dir, relative)) };
    this.roots.push(root);
    let found: string[];
    try {
      found = discoverFiles([dir]);
    } catch {
      return; // a folder that vanished: nothing to load
    }
    for (const file of found) if (this.isWorkspaceFile(file)) this.readFromDisk(file);
  }

  /** Whether a path is a manifest the workspace lints even when it is not open. */
  isWorkspaceFile(file: string): boolean {
    if (!MANIFEST_EXTENSIONS.includes(path.extname(file).toLowerCase()) || isConfigFile(file)) return false;
    const root = this.rootOf(file);
    if (!root) return false;
    const relative = path.relative(root.dir, file).split(path.sep);
    if (relative.some((seg) => seg === 'node_modules' || seg === '.git')) return false;
    return !root.isIgnored(relative.join('/'));
  }

  /** The path as a user reads it: relative to its workspace folder. */
  displayPath(file: string): string {
    const root = this.rootOf(file);
    return root ? path.relative(root.dir, file).split(path.sep).join('/') : file;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Sets a file's text (an editor buffer) and parses it, as `kubeknit lint` would. */
  setText(file: string, text: string): void {
    this.files.set(file, loadFile(file, text));
    this.order = undefined;
  }

  /** (Re-)reads a file from disk; unreadable or too large files become findings. */
  readFromDisk(file: string): void {
    this.files.set(file, loadFile(file, undefined, this.options.maxFileSize));
    this.order = undefined;
  }

  remove(file: string): void {
    if (this.files.delete(file)) this.order = undefined;
  }

  /** The parsed objects of one file. */
  objectsOf(file: string): readonly K8sObject[] {
    return this.files.get(file)?.parsed.objects ?? [];
  }

  paths(): string[] {
    this.order ??= [...this.files.keys()].sort();
    return this.order;
  }

  /**
   * Builds the kustomizations of the workspace folders again (at start, and when a file they read
   * is saved). Their objects stand in for those files in every analysis until the next build.
   */
  async buildKustomizations(): Promise<void> {
    try {
      this.built = await loadKustomizations(this.roots.map((r) => r.dir), this.options.lint?.kustomize);
    } catch {
      this.built = undefined; // e.g. --kustomize render without a kustomize: the files are linted as they are
    }
  }

  /** Whether saving this file changes what a kustomization builds. */
  isReadByKustomize(file: string): boolean {
    return isKustomizationFile(file) || (this.built?.isBuilt(file) ?? false);
  }

  /** Lints every kept file as one application. */
  analyze(): Analysis {
    this.refreshClusterScopes();
    const files = this.built ? this.paths().filter((f) => !this.built!.isBuilt(f)) : this.paths();
    // every file came from walking the workspace folders, as `kubeknit lint <folder>` finds them
    const loaded = assembleLoad([...files], files.map((file) => this.files.get(file)!), new Set());
    if (this.built) addBuilt(loaded, this.built);
    const { graph, findings } = lintLoaded(loaded, this.lintOptions(), undefined, this.localFindings);
    const byFile = new Map<string, Finding[]>();
    for (const finding of findings) {
      let list = byFile.get(finding.file);
      if (!list) byFile.set(finding.file, (list = []));
      list.push(finding);
    }
    return { graph, findings, byFile };
  }

  /**
   * A CRD with `scope: Cluster` makes its kind cluster-scoped for every file. Marking is one-way,
   * so when the set of such kinds changes, every file is parsed afresh before marking again.
   */
  private refreshClusterScopes(): void {
    const kinds: string[] = [];
    for (const { parsed } of this.files.values()) {
      for (const obj of parsed.objects) {
        const spec = obj.body.spec as { scope?: unknown; names?: { kind?: unknown } } | undefined;
        if (obj.kind === 'CustomResourceDefinition' && spec?.scope === 'Cluster') kinds.push(scalarText(spec.names?.kind) ?? '');
      }
    }
    const signature = kinds.sort().join(',');
    if (signature === this.clusterKinds) return;
    const hadKinds = this.clusterKinds !== '';
    this.clusterKinds = signature;
    if (!hadKinds) return; // nothing was marked yet
    for (const [file, entry] of this.files) if (entry.text !== undefined) this.files.set(file, loadFile(file, entry.text));
  }

  /**
   * The caller's options plus the config of the first folder that has one: one analysis lints the
   * whole workspace as one application, so it runs under one config (its overrides still select
   * settings per file).
   */
  private lintOptions(): LintOptions | undefined {
    const config = this.options.lint?.config ?? this.roots.find((r) => r.config)?.config;
    return config ? { ...this.options.lint, config } : this.options.lint;
  }

  private rootOf(file: string): Root | undefined {
    let best: Root | undefined;
    for (const root of this.roots) {
      const rel = path.relative(root.dir, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || root.dir.length > best.dir.length) best = root;
    }
    return best;
  }
}
