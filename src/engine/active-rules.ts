import type { Severity } from '../types.js';
import type { ActiveRule } from './run.js';
import { ruleInPreset, type Preset, type Rule } from './rule.js';

/** How a user sets a rule: a severity, `off`, or a severity with options. */
export type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface RuleSelection {
  preset?: Preset;
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** Resolves which rules run, at what severity, with which options. */
export function resolveActiveRules(all: readonly Rule[], selection: RuleSelection = {}): ActiveRule[] {
  const preset = selection.preset ?? 'recommended';
  const active: ActiveRule[] = [];
  for (const rule of all) {
    const setting = selection.rules?.[rule.id];
    let severity: Severity | 'off' = ruleInPreset(rule, preset) ? rule.severity : 'off';
    let options: Record<string, unknown> = { ...(rule.defaultOptions ?? {}) };
    if (typeof setting === 'string') severity = setting;
    else if (setting) {
      severity = setting.severity ?? (severity === 'off' ? rule.severity : severity);
      options = { ...options, ...(setting.options ?? {}) };
    }
    if (severity !== 'off') active.push({ rule, severity, options });
  }
  return active;
}
