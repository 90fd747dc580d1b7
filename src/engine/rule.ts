import type { KnitGraph } from '../graph/graph.js';
import type { ClusterInventory } from '../k8s/cluster-inventory.js';
import type { ObjectSet } from '../load/object-set.js';
import type { LoadProblem } from '../load/problems.js';
import type { JsonSchema } from '../schema/types.js';
import type { ValidationCache } from '../schema/validation-cache.js';
import type { Fix, FixType } from '../fix/types.js';
import type { FieldPath, K8sObject, ObjectRef, Range, Severity } from '../types.js';

export const RULE_FAMILIES = ['parse', 'schema', 'relationships', 'ports', 'volumes', 'hygiene', 'security', 'availability', 'rbac'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export const PRESETS = ['recommended', 'strict', 'all', 'pss-baseline', 'pss-restricted'] as const;
export type Preset = (typeof PRESETS)[number];

/** Presets that implement the Kubernetes Pod Security Standards (https://kubernetes.io/docs/concepts/security/pod-security-standards/); restricted includes baseline. */
export const PSS_PRESETS = ['pss-baseline', 'pss-restricted'] as const;
export type PssPreset = (typeof PSS_PRESETS)[number];

/** The presets a rule can name itself in (`all` has every rule). */
export type RulePreset = 'recommended' | 'strict' | PssPreset;

export interface RuleDocs {
  /** Why it matters: what goes wrong in a cluster. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** A manifest that fails the rule. */
  bad?: string;
  /** The same manifest, fixed. */
  good?: string;
}

/** A JSON schema (for rule options): the one type the schema module uses too. */
export type { JsonSchema };

/** Another place a finding involves (shown as related information in editors). */
export interface RelatedObject {
  object: K8sObject;
  path?: FieldPath;
  message: string;
}

/** Values a message template's `{{name}}` placeholders take. */
export type MessageData = Readonly<Record<string, string | number>> & { readonly severity?: never; readonly related?: never };

export interface ReportExtra {
  /** A repair `--fix`, editors' quick fixes and SARIF offer: edits of the reported object at field paths. */
  fix?: Fix;
  related?: RelatedObject[];
  /** Overrides the configured severity for this one finding (e.g. an error form of a warning rule). */
  severity?: Severity;
}

/** What the engine knows about the run, beyond objects and graph. */
export interface RunSettings {
  /** Kubernetes minor version targeted, e.g. `1.35`. */
  kubernetesVersion?: string;
  /** Extra schema folders or path templates (`--schema-location`). */
  schemaLocations?: readonly string[];
  /** `--ignore-missing-schemas`: objects without a known schema are not reported. */
  ignoreMissingSchemas?: boolean;
  /** The namespace objects without metadata.namespace land in (`--namespace`, config `namespace:`; default `default`). */
  namespace?: string;
  /** What exists in the cluster outside the input (config `cluster:`, `--cluster-inventory`). */
  cluster?: ClusterInventory;
  /** `--cache`: schema validation results of earlier runs, reused while object and schema are unchanged. */
  schemaCache?: ValidationCache;
}

export interface RuleContext<O = Record<string, unknown>> {
  objects: ObjectSet;
  graph: KnitGraph;
  /** Problems the loader found (broken YAML, objects without kind…), for the parse rules. */
  problems: readonly LoadProblem[];
  options: O;
  settings: RunSettings;
  /**
   * Reports a finding on an object's field; the engine turns the path into file:line:col.
   * `message` is an id of the rule's `messages`, with `data` filling its placeholders. (An id the
   * rule does not declare is shown as it is, without a messageId; the rule tester rejects that.)
   */
  report(object: K8sObject, path: FieldPath, message: string, data?: MessageData, extra?: ReportExtra): void;
  /** Reports a finding at a place in a file that is not an object's field. */
  reportAt(location: { file: string; range: Range; object?: ObjectRef | null }, message: string, data?: MessageData, extra?: ReportExtra): void;
}

export interface RuleDefinition<O = Record<string, unknown>> {
  /** Stable id; other tools and configs name it. The module file has the same name. */
  id: string;
  family: RuleFamily;
  /** Default severity when the rule is on. */
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  docs: RuleDocs;
  /** The kind of repair the rule's findings may carry (`--fix`, quick fixes), when it has one. */
  fixable?: FixType;
  /** Message templates by id, as ESLint declares them: `{ noMatch: 'Service "{{name}}" selects no Pod' }`. */
  messages: Readonly<Record<string, string>>;
  /** Presets that turn the rule on; `recommended` implies `strict`, `pss-baseline` implies `pss-restricted`. Every rule is in `all`. */
  presets: readonly RulePreset[];
  /** Options a preset sets on top of `defaultOptions` (e.g. what the Pod Security Standards' baseline still allows). */
  presetOptions?: Partial<Record<Preset, Partial<O>>>;
  /** JSON schema of the rule's options, and their defaults. */
  options?: JsonSchema;
  defaultOptions?: O;
  /**
   * What a finding on an object depends on, when that is the object alone (`object`) or the object
   * and the run's CustomResourceDefinitions (`object-and-crds`). The language server then re-runs the
   * rule only on objects of edited files and keeps its findings on the rest. Such a rule reports
   * with `report()` only, and looks at no other object (no graph, no lookups by name).
   */
  locality?: 'object' | 'object-and-crds';
  check(context: RuleContext<O>): void;
}

export type Rule = RuleDefinition<Record<string, unknown>>;

/** Declares a rule. The registry holds rules of every option type under one shape. */
export function defineRule<O extends object = Record<string, unknown>>(definition: RuleDefinition<O>): Rule {
  return definition as RuleDefinition<object> as Rule;
}

/** The text of a reported message: a declared template filled with `data`, or the text itself. */
export function messageText(rule: Pick<Rule, 'messages'>, message: string, data: MessageData | undefined): { text: string; messageId?: string } {
  const template = Object.hasOwn(rule.messages, message) ? rule.messages[message] : undefined;
  if (template === undefined) return { text: message };
  const text = template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => (data && Object.hasOwn(data, name) ? String(data[name]) : whole));
  return { text, messageId: message };
}

export function ruleInPreset(rule: Rule, preset: Preset): boolean {
  if (preset === 'all') return true;
  if (preset === 'strict') return rule.presets.includes('recommended') || rule.presets.includes('strict');
  if (preset === 'pss-restricted') return rule.presets.includes('pss-baseline') || rule.presets.includes('pss-restricted');
  return rule.presets.includes(preset);
}

/** The presets a rule is on in, e.g. `['recommended', 'strict', 'all']`. */
export function presetsOf(rule: Rule): Preset[] {
  return PRESETS.filter((preset) => ruleInPreset(rule, preset));
}
