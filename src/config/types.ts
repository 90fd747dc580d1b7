import type { RuleSetting } from '../engine/active-rules.js';
import type { Preset, Rule } from '../engine/rule.js';
import type { ClusterInventory } from '../k8s/cluster-inventory.js';
import type { WorkloadDeclaration } from '../k8s/workload-kinds.js';
import type { JsonObject, Severity } from '../types.js';

/** `overrides[]`: settings for the files its globs match. */
export interface RuleOverride {
  /** picomatch globs relative to the config file's folder; `!glob` excludes. */
  files: string[];
  rules: Record<string, RuleSetting>;
}

/** `customRules[]`: a rule written as data. */
export interface CustomRuleConfig {
  id: string;
  severity?: Severity;
  message: string;
  description?: string;
  match?: { kinds?: string[]; namespaces?: string[]; labels?: Record<string, string> };
  /** A JSON schema every matching object must satisfy. */
  schema: JsonObject;
}

/** The file as written (`schemas/config.schema.json` describes it). */
export interface KubeknitConfigFile {
  extends?: Preset;
  kubernetesVersion?: string;
  rules?: Record<string, RuleSetting>;
  overrides?: RuleOverride[];
  ignore?: string[];
  schemaLocations?: string[];
  customRules?: CustomRuleConfig[];
  /** The namespace of objects without metadata.namespace (as `kubectl -n`); default `default`. */
  namespace?: string;
  /** What exists in the cluster outside the input. */
  cluster?: ClusterInventory;
  /** Custom resources that make Pods from a Pod template. */
  workloads?: WorkloadDeclaration[];
}

/** A config read and checked, ready for `lint()`. */
export interface ResolvedConfig {
  /** The file it came from (absolute), when it came from one. */
  file?: string;
  /** Globs in `ignore` and `overrides` are relative to this folder (absolute). */
  baseDir: string;
  preset?: Preset;
  kubernetesVersion?: string;
  rules: Record<string, RuleSetting>;
  overrides: RuleOverride[];
  ignore: string[];
  /** Relative folders already resolved against `baseDir`. */
  schemaLocations: string[];
  /** The custom rules, as rules the engine runs. */
  customRules: Rule[];
  namespace?: string;
  cluster?: ClusterInventory;
  workloads?: WorkloadDeclaration[];
}
