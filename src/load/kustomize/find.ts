import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { STDIN_INPUT } from '../discover.js';
import { firstRemoteEntry, isKustomizationFile, kustomizationIn, readKustomizationFile, referencedPaths, type KustomizationFile } from './kustomization-file.js';
import type { FieldPath } from '../../types.js';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface KustomizeTree {
  /** Kustomizations to build: those in the inputs that no other one in the inputs builds on. */
  roots: KustomizationFile[];
  /** Every kustomization file found in the inputs or used by one (absolute paths). */
  kustomizationFiles: Set<string>;
  /** Files a root's build reads (absolute paths): their content reaches the lint through the build. */
  consumed: Set<string>;
  /** Folders of the kustomizations the roots build on: other files there are patches or left-overs, not objects of their own. */
  ownedDirs: Set<string>;
  /** Roots not built because their build would fetch from the network, with the first remote entry. */
  refused: { root: KustomizationFile; at: KustomizationFile; entry: string; path: FieldPath }[];
}

/**
 * Finds the kustomizations among the inputs (a directory holding a kustomization file, at any depth,
 * or a kustomization file named directly) and what each root uses, following its bases and components.
 * A Component that no root uses is not built (it cannot be built alone); its files are linted as they are.
 */
export function findKustomizations(inputs: readonly string[], { allowRemote = true }: { allowRemote?: boolean } = {}): KustomizeTree {
  const found: KustomizationFile[] = [];
  const seenDirs = new Set<string>();
  const addFile = (file: string) => {
    const k = readKustomizationFile(file);
    if (k && !seenDirs.has(k.dir)) {
      seenDirs.add(k.dir);
      found.push(k);
    }
  };
  for (const input of inputs) {
    if (input === STDIN_INPUT) continue;
    const stats = statOrUndefined(input);
    if (stats?.isFile() && isKustomizationFile(input)) addFile(input);
    else if (stats?.isDirectory()) walkDirs(input, new Set(), (dir, names) => {
      const file = kustomizationIn(dir, names);
      if (file) addFile(file);
    });
  }
  const tree: KustomizeTree = { roots: [], kustomizationFiles: new Set(found.map((k) => k.file)), consumed: new Set(), ownedDirs: new Set(), refused: [] };
  const usedByAnother = new Set<string>();
  for (const k of found) {
    for (const dir of referencedPaths(k).dirs) usedByAnother.add(dir);
  }
  const roots = found.filter((k) => k.kind === 'Kustomization' && !usedByAnother.has(k.dir));
  for (const root of roots) {
    const members = [...kustomizationTree(root)];
    const remote = allowRemote ? undefined : firstRemote(members.map((m) => m.kustomization));
    if (remote) {
      tree.refused.push({ root, ...remote });
      continue;
    }
    tree.roots.push(root);
    for (const { kustomization, paths } of members) {
      tree.kustomizationFiles.add(kustomization.file);
      tree.ownedDirs.add(kustomization.dir);
      for (const file of paths.files) tree.consumed.add(file);
    }
  }
  return tree;
}

/** A kustomization and the local kustomizations it builds on, each once, with what each uses from disk. */
function* kustomizationTree(root: KustomizationFile): Generator<{ kustomization: KustomizationFile; paths: ReturnType<typeof referencedPaths> }> {
  const visiting = new Set<string>();
  const pending = [root];
  for (let k = pending.pop(); k; k = pending.pop()) {
    if (visiting.has(k.dir)) continue;
    visiting.add(k.dir);
    const paths = referencedPaths(k);
    yield { kustomization: k, paths };
    for (const dir of [...paths.dirs].reverse()) {
      const file = kustomizationIn(dir);
      const inner = file ? readKustomizationFile(file) : undefined;
      if (inner) pending.push(inner);
    }
  }
}

/** The first remote entry among a tree's kustomizations. */
function firstRemote(kustomizations: readonly KustomizationFile[]): { at: KustomizationFile; entry: string; path: FieldPath } | undefined {
  for (const at of kustomizations) {
    const remote = firstRemoteEntry(at);
    if (remote) return { at, ...remote };
  }
  return undefined;
}

function walkDirs(dir: string, seen: Set<string>, onDir: (dir: string, names: string[]) => void): void {
  let key: string;
  try {
    key = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(key)) return;
  seen.add(key);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  onDir(dir, entries.map((e) => e.name));
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    // follows symlinked folders as file discovery does; `seen` holds real paths, so there are no loops
    if (entry.isDirectory() || (entry.isSymbolicLink() && statOrUndefined(full)?.isDirectory())) walkDirs(full, seen, onDir);
  }
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
