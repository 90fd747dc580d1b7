import type { RuleSetting } from '../engine/active-rules.js';
import type { PerFileSelection, RuleSettings } from '../engine/plan.js';
import type { Preset } from '../engine/rule.js';
import { configGlobMatcher } from './globs.js';
import type { ResolvedConfig } from './types.js';

/**
 * Per-file rule settings, in the order they apply: the preset, the config's `rules`, each
 * matching `overrides` entry (later wins), then settings given directly (command-line flags).
 */
export function perFileSelection(preset: Preset | undefined, config: ResolvedConfig | undefined, direct: Readonly<Record<string, RuleSetting>>): PerFileSelection {
  const overrides = (config?.overrides ?? []).map((o) => ({ matches: configGlobMatcher(o.files, config!.baseDir), rules: o.rules }));
  const cache = new Map<string, { key: string; layers: RuleSettings[] }>();
  return {
    preset,
    layersFor(file) {
      const matched = overrides.filter((o) => o.matches(file));
      const key = matched.map((o) => overrides.indexOf(o)).join(',');
      let entry = cache.get(key);
      if (!entry) cache.set(key, (entry = { key, layers: [config?.rules ?? {}, ...matched.map((o) => o.rules), direct] }));
      return entry;
    },
  };
}
