/**
 * kubeknit's library entry: the CLI, the language server and tests all lint through `lint()`.
 * Data flows one way: load → objects → graph → rules → findings → report.
 */
import { RULES } from '../rules/index.js';
import { resolveActiveRules, type RuleSelection } from './engine/active-rules.js';
import { runRules } from './engine/run.js';
import { buildGraph } from './graph/build.js';
import type { KnitGraph } from './graph/graph.js';
import { loadInputs, ObjectSet, type InlineSource } from './load/index.js';
import type { Finding, K8sObject } from './types.js';
import type { RunSettings } from './engine/rule.js';
import { checkSchemaLocations } from './schema/locations.js';
import { resolveKubernetesVersion } from './schema/registry.js';

export * from './types.js';
export { RULES, findRule } from '../rules/index.js';
export { UsageError } from './load/errors.js';
export type { KnitGraph } from './graph/graph.js';
export type { Rule, RuleDefinition, RuleContext, Preset } from './engine/rule.js';
export type { InlineSource } from './load/index.js';

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
}

export interface LintSummary {
  files: number;
  objects: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface LintResult {
  files: string[];
  objects: K8sObject[];
  graph: KnitGraph;
  findings: Finding[];
  summary: LintSummary;
}

/** Lints files, directories, globs and inline texts together, as one application. */
export async function lint(inputs: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const settings = schemaSettings(options);
  const loaded = loadInputs(inputs, { ignore: options.ignore, maxFileSize: options.maxFileSize, inline: options.inline });
  const objects = new ObjectSet(loaded.objects);
  const graph = buildGraph(objects);
  const rules = resolveActiveRules(RULES, options);
  let findings = runRules({ objects, graph, problems: loaded.problems, rules, settings });
  if (options.reportFiles) {
    const wanted = new Set(options.reportFiles);
    findings = findings.filter((f) => wanted.has(f.file));
  }
  return { files: loaded.files, objects: loaded.objects, graph, findings, summary: summarize(loaded.files.length, loaded.objects.length, findings) };
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
