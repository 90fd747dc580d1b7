import type { Severity } from '../types.js';
import { ruleInPreset, type Preset, type Rule } from './rule.js';

/** How a user sets a rule: a severity, `off`, or a severity with options. */
export type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface RuleSelection {
  preset?: Preset;
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** A rule's severity and options once presets and settings are applied. */
export interface ResolvedRuleSetting {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

/** Where a rule starts: on at its default severity when the preset has it, with its default options. */
export function presetSetting(rule: Rule, preset: Preset = 'recommended'): ResolvedRuleSetting {
  const options = { ...(rule.defaultOptions ?? {}), ...(rule.presetOptions?.[preset] ?? {}) };
  return { severity: ruleInPreset(rule, preset) ? rule.severity : 'off', options };
}

/**
 * Applies one setting on top of another. An object without a severity turns an off rule on at
 * its default severity; options merge key by key.
 */
export function applyRuleSetting(rule: Rule, current: ResolvedRuleSetting, setting: RuleSetting | undefined): ResolvedRuleSetting {
  if (setting === undefined) return current;
  if (typeof setting === 'string') return { severity: setting, options: current.options };
  return {
    severity: setting.severity ?? (current.severity === 'off' ? rule.severity : current.severity),
    options: { ...current.options, ...(setting.options ?? {}) },
  };
}
