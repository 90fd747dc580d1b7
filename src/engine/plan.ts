import type { Finding, Severity } from '../types.js';
import { applyRuleSetting, presetSetting, type RuleSetting } from './active-rules.js';
import type { Preset, Rule } from './rule.js';
import { PendingLocations, runRules, type ActiveRule, type RunInput } from './run.js';
import { compareFindings } from './sort.js';
import type { LocalFindings } from './incremental.js';

export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/**
 * Rule settings that can differ per file: the preset, then layers of settings applied in order
 * (top-level rules, the overrides that match the file, command-line flags).
 */
export interface PerFileSelection {
  preset?: Preset;
  /**
   * The layers for a file, and a key naming that combination (files with equal keys share settings,
   * so a run without overrides resolves every rule once).
   */
  layersFor(file: string): { key: string; layers: readonly RuleSettings[] };
}

/** One run of a rule, over the files whose settings are exactly these. */
export interface PlannedRun {
  active: ActiveRule;
  files: ReadonlySet<string>;
}

/** The severity each file gives each rule, for stages after the rules (e.g. unused directives). */
export type SeverityLookup = (ruleId: string, file: string) => Severity | 'off';

export interface RulePlan {
  runs: PlannedRun[];
  severityOf: SeverityLookup;
}

/**
 * Works out, per file, each rule's severity and options. A rule runs once per distinct
 * (severity, options) pair in use and keeps the findings of the files that pair belongs to.
 */
export function planRules(rules: readonly Rule[], files: readonly string[], selection: PerFileSelection): RulePlan {
  const groups = new Map<string, { layers: readonly RuleSettings[]; files: Set<string> }>();
  for (const file of files) {
    const { key, layers } = selection.layersFor(file);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { layers, files: new Set() }));
    group.files.add(file);
  }
  const runs: PlannedRun[] = [];
  const severities = new Map<string, Map<string, Severity | 'off'>>();
  for (const rule of rules) {
    const byFile = new Map<string, Severity | 'off'>();
    severities.set(rule.id, byFile);
    const byVariant = new Map<string, { active: ActiveRule; files: Set<string> }>();
    for (const group of groups.values()) {
      let resolved = presetSetting(rule, selection.preset);
      for (const layer of group.layers) resolved = applyRuleSetting(rule, resolved, layer[rule.id]);
      for (const file of group.files) byFile.set(file, resolved.severity);
      if (resolved.severity === 'off') continue;
      const variant = `${resolved.severity}|${JSON.stringify(resolved.options)}`;
      const run = byVariant.get(variant);
      if (run) for (const file of group.files) run.files.add(file);
      else byVariant.set(variant, { active: { rule, severity: resolved.severity, options: resolved.options }, files: new Set(group.files) });
    }
    runs.push(...byVariant.values());
  }
  return { runs, severityOf: (ruleId, file) => severities.get(ruleId)?.get(file) ?? 'off' };
}

/**
 * Runs a plan; each run keeps only the findings in its own files. With `local`, object-local rules
 * reuse the findings kept there for objects checked before.
 */
export function runPlan(plan: RulePlan, input: Omit<RunInput, 'rules'>, local?: LocalFindings): Finding[] {
  const findings: Finding[] = [];
  const locations = new PendingLocations();
  local?.begin(input.objects.all);
  for (const run of plan.runs) {
    const found = local && run.active.rule.locality ? local.run(run.active, { ...input, locations }) : runRules({ ...input, rules: [run.active], locations });
    for (const finding of found) {
      if (run.files.has(finding.file)) findings.push(finding);
    }
  }
  locations.resolve();
  return findings.sort(compareFindings);
}
