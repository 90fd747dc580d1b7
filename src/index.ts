/**
 * kubeknit's library entry: the CLI, the language server and tests all lint through `lint()`.
 * Data flows one way: load → objects → graph → rules → findings → report.
 */
import { RULES } from '../rules/index.js';
import type { RuleSelection } from './engine/active-rules.js';
import { planRules, runPlan } from './engine/plan.js';
import { graphFailureFinding } from './engine/run.js';
import type { LocalFindings } from './engine/incremental.js';
import { pssNamespaceFindings, pssNamespaces } from './engine/pss-namespaces.js';
import { compareFindings } from './engine/sort.js';
import { assertRuleOptions } from './engine/rule-options.js';
import type { Rule } from './engine/rule.js';
import { applySuppressions, UNUSED_DIRECTIVE_RULE, type Suppression } from './engine/suppress.js';
import { isConfigFile } from './config/find.js';
import { isBaselineFile } from './pr/baseline.js';
import { configGlobMatcher } from './config/globs.js';
import { perFileSelection } from './config/selection.js';
import type { ResolvedConfig } from './config/types.js';
import { loadConfigFile as readConfigFile } from './config/load.js';
import { buildGraph } from './graph/build.js';
import type { KnitGraph } from './graph/graph.js';
import { applyDefaultNamespace, ObjectSet, type InlineSource, type LoadResult } from './load/index.js';
import { mergeInventories, type ClusterInventory } from './k8s/cluster-inventory.js';
import { declareWorkloads } from './k8s/workload-kinds.js';
import { ParseCache } from './load/cache.js';
import { loadInputsFast } from './load/parallel.js';
import { loadKustomizations, type KustomizeOptions } from './load/kustomize/index.js';
import { addBuilt } from './load/kustomize/merge.js';
import { mapToChart } from './load/helm/chart-sources.js';
import { dropRepeatedFindings } from './engine/repeated.js';
import type { Finding, K8sObject } from './types.js';
import type { RunSettings } from './engine/rule.js';
import { checkSchemaLocations } from './schema/locations.js';
import { resolveKubernetesVersion } from './schema/registry.js';
import { ValidationCache } from './schema/validation-cache.js';

export * from './types.js';
export { RULES, findRule } from '../rules/index.js';
export { UsageError } from './load/errors.js';
export { INTERNAL_ERROR_RULE } from './engine/run.js';
export type { KnitGraph } from './graph/graph.js';
export type { Rule, RuleDefinition, RuleContext, Preset } from './engine/rule.js';
export type { InlineSource, LoadResult } from './load/index.js';
export { findConfigFile, findRepoRoot, ConfigError, type ResolvedConfig } from './config/index.js';
export type { Suppression } from './engine/suppress.js';
export { defaultCacheLocation } from './load/cache.js';
export { readClusterInventory } from './load/cluster-inventory-file.js';
export type { ClusterInventory } from './k8s/cluster-inventory.js';
export type { KustomizeOptions } from './load/kustomize/index.js';

export interface LintOptions extends RuleSelection {
  /** Globs of files to skip. */
  ignore?: readonly string[];
  /** Files above this many bytes become a `file-too-large` finding instead of being read. */
  maxFileSize?: number;
  /** Texts given directly (stdin, editor buffers), by file name. */
  inline?: readonly InlineSource[];
  /** When set, only findings in these files are reported (the rest of the inputs still count for relationships). */
  reportFiles?: readonly string[];
  /** Kubernetes minor version to validate against, e.g. `1.33` (default: the newest embedded). */
  kubernetesVersion?: string;
  /** Extra schema folders or URL-less templates (CRDs-catalog or kubeconform layout). */
  schemaLocations?: readonly string[];
  /** Do not report objects whose kind has no known schema. */
  ignoreMissingSchemas?: boolean;
  /** A config file read by `loadConfigFile`; the options above win over it (as command-line flags do). */
  config?: ResolvedConfig;
  /** Turns on `unused-disable-directive`: suppressions that silence nothing become findings. */
  reportUnusedDisableDirectives?: boolean;
  /** Threads that parse files, the main one and `jobs - 1` workers (default: the available cores, for big inputs only); 1: the main thread alone. */
  jobs?: number;
  /** Keep parsed files in this folder and reuse them while a file's text is unchanged (`--cache`). */
  cache?: { location: string; toolVersion: string };
  /** Building kustomizations found among the inputs (default: build them when a kustomize is found). */
  kustomize?: KustomizeOptions;
  /** The namespace of objects without metadata.namespace, as `kubectl -n` (default: the config's, else `default`). */
  namespace?: string;
  /** What exists in the cluster outside the input, added to the config's `cluster:` (e.g. read by `readClusterInventory`). */
  cluster?: ClusterInventory;
  /** A Helm chart's root: rendered input with `# Source:` comments is reported at the chart's template files. */
  chartDir?: string;
}

export interface LintSummary {
  files: number;
  objects: number;
  errors: number;
  warnings: number;
  infos: number;
  /** With a baseline (`lint --baseline`): findings the baseline holds, left out of the counts above. */
  baselined?: number;
  /** With `lint --changed-since`: findings on objects the change left alone, left out of the counts above. */
  unchanged?: number;
}

export interface LintResult {
  files: string[];
  objects: K8sObject[];
  graph: KnitGraph;
  findings: Finding[];
  summary: LintSummary;
  /** Every rule this run knew (built-in and the config's custom rules), e.g. for SARIF. */
  rules: Rule[];
  /** Findings that annotations or comments silenced. */
  suppressed: Suppression[];
  /** The text of every file read, by file name (what fixes edit). */
  texts: ReadonlyMap<string, string>;
}

/**
 * Reads and checks a config file against the rules it may configure: the built-in rules unless
 * others are given. Config and report modules never import the rule registry; this module passes it.
 */
export function loadConfigFile(file: string, rules: readonly Rule[] = RULES): Promise<ResolvedConfig> {
  return readConfigFile(file, rules);
}

/** Lints files, directories, globs and inline texts together, as one application. */
export async function lint(inputs: readonly string[], lintOptions: LintOptions = {}): Promise<LintResult> {
  const options = withConfig(lintOptions);
  const config = options.config;
  schemaSettings(options); // a bad --kube-version or schema location is a usage error before any file is read
  const ignoredByConfig = config?.ignore.length ? configGlobMatcher(config.ignore, config.baseDir) : () => false;
  const built = await loadKustomizations(inputs, options.kustomize);
  const exclude = (file: string) => isConfigFile(file) || isBaselineFile(file) || ignoredByConfig(file) || built.isBuilt(file);
  const cache = options.cache ? new ParseCache(options.cache.location, options.cache.toolVersion) : undefined;
  const loaded = await loadInputsFast(inputs, { ignore: options.ignore, maxFileSize: options.maxFileSize, inline: options.inline, exclude, jobs: options.jobs, cache });
  addBuilt(loaded, built);
  if (options.chartDir !== undefined) mapToChart(loaded, options.chartDir);
  const schemaCache = options.cache ? new ValidationCache(options.cache.location, options.cache.toolVersion) : undefined;
  const result = lintLoaded(loaded, lintOptions, schemaCache);
  loaded.saveCache?.();
  schemaCache?.save();
  return result;
}

/**
 * Everything after loading: objects → graph → rules → findings. For callers that load and cache
 * files themselves (the language server re-parses only the file being edited). `options` should
 * already carry the config (as `lint()` passes them). `schemaCache` reuses schema validation results of earlier runs;
 * `local` keeps the findings of object-local rules between runs over mostly the same objects.
 */
export function lintLoaded(loaded: LoadResult, lintOptions: LintOptions = {}, schemaCache?: ValidationCache, local?: LocalFindings): LintResult {
  const options = withConfig(lintOptions);
  const config = options.config;
  const namespace = options.namespace ?? config?.namespace ?? 'default';
  applyDefaultNamespace(loaded.objects, namespace);
  declareWorkloads(config?.workloads);
  const cluster = mergeInventories(config?.cluster, options.cluster);
  const objects = new ObjectSet(loaded.objects);
  const graph = buildGraph(objects);
  const rules = [...RULES, ...(config?.customRules ?? [])];
  checkGivenRuleOptions(rules, options.rules);
  const direct = options.reportUnusedDisableDirectives ? { [UNUSED_DIRECTIVE_RULE]: {}, ...options.rules } : (options.rules ?? {});
  // The run's settings and rule plan stay the same objects while their inputs do, so the language
  // server's kept findings of object-local rules stay valid (they rerun when settings change).
  const settingsInputs = [options.kubernetesVersion, options.ignoreMissingSchemas, namespace, JSON.stringify(cluster ?? null), ...(options.schemaLocations ?? [])];
  const makeSettings = () => ({ ...schemaSettings(options), namespace, cluster });
  const settings = local ? local.reuse('schema', settingsInputs, makeSettings) : makeSettings();
  const makePlan = () => planRules(rules, loaded.files, perFileSelection(options.preset, config, direct));
  const plan = local ? local.reuse('plan', [...rules, loaded.files.length, ...loaded.files, options.preset, config, JSON.stringify(direct)], makePlan) : makePlan();
  const input = { objects, graph, problems: loaded.problems, settings: { ...settings, schemaCache } };
  const ran = runPlan(plan, input, local);
  if (graph.failures.length) {
    for (const failure of graph.failures) ran.push(graphFailureFinding(failure, loaded.files[0] ?? '<input>'));
    ran.sort(compareFindings);
  }
  const pss = pssNamespaces(objects);
  if (pss.size) {
    ran.push(...pssNamespaceFindings({ rules, files: loaded.files, selectionFor: (preset) => perFileSelection(preset, config, direct), input, namespaces: pss, already: ran }));
    ran.sort(compareFindings);
  }
  const { findings: kept, suppressed } = applySuppressions({
    findings: ran, objects: loaded.objects, texts: loaded.texts,
    unusedSeverity: (file) => plan.severityOf(UNUSED_DIRECTIVE_RULE, file),
  });
  let findings = dropRepeatedFindings(kept);
  let silenced = suppressed;
  if (options.reportFiles) {
    const wanted = new Set(options.reportFiles);
    findings = findings.filter((f) => wanted.has(f.file));
    silenced = silenced.filter((s) => wanted.has(s.finding.file));
  }
  return { files: loaded.files, objects: loaded.objects, graph, findings, summary: summarize(loaded.files.length, loaded.objects.length, findings), rules, suppressed: silenced, texts: loaded.texts };
}

/** Options given to rules directly (not read from a config file, which checks its own) fit each rule's schema. */
function checkGivenRuleOptions(rules: readonly Rule[], settings: LintOptions['rules']): void {
  for (const [id, setting] of Object.entries(settings ?? {})) {
    if (typeof setting !== 'object' || setting.options === undefined) continue;
    const rule = rules.find((r) => r.id === id);
    if (rule) assertRuleOptions(rule, setting.options);
  }
}

/** Fills options the caller left unset from the config (the caller's values win). */
function withConfig(options: LintOptions): LintOptions {
  const config = options.config;
  if (!config) return options;
  return {
    ...options,
    preset: options.preset ?? config.preset,
    kubernetesVersion: options.kubernetesVersion ?? config.kubernetesVersion,
    schemaLocations: [...(options.schemaLocations ?? []), ...config.schemaLocations],
  };
}

export function summarize(files: number, objects: number, findings: readonly Finding[]): LintSummary {
  const summary: LintSummary = { files, objects, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** The schema options of a run, checked before any file is linted (a bad version is a usage error). */
function schemaSettings(options: LintOptions): RunSettings {
  const schemaLocations = options.schemaLocations ?? [];
  checkSchemaLocations(schemaLocations);
  const kubernetesVersion = resolveKubernetesVersion(options.kubernetesVersion, schemaLocations);
  return { kubernetesVersion, schemaLocations, ignoreMissingSchemas: options.ignoreMissingSchemas ?? false };
}
