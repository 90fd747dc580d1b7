import type { ObjectSet } from '../load/object-set.js';
import type { Finding } from '../types.js';
import type { PerFileSelection } from './plan.js';
import { planRules, runPlan } from './plan.js';
import { ruleInPreset, type PssPreset, type Rule } from './rule.js';
import type { RunInput } from './run.js';

/** The label by which a Namespace asks Pod Security Admission to enforce a level. */
export const PSS_ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

const PRESET_OF_LEVEL: Readonly<Record<string, PssPreset>> = { baseline: 'pss-baseline', restricted: 'pss-restricted' };

/** Namespaces of the input whose Namespace object enforces a Pod Security level, and the preset for it. */
export function pssNamespaces(objects: ObjectSet): Map<string, PssPreset> {
  const out = new Map<string, PssPreset>();
  for (const ns of objects.ofKind('Namespace')) {
    const level = ns.labels[PSS_ENFORCE_LABEL];
    if (level !== undefined && Object.hasOwn(PRESET_OF_LEVEL, level)) out.set(ns.name, PRESET_OF_LEVEL[level]);
  }
  return out;
}

/**
 * Runs the Pod Security preset of each labelled namespace over the objects of that namespace,
 * on top of the run's own selection (the config's rules and command-line settings still win, so a
 * rule turned off stays off). Findings the run already made are not repeated.
 */
export function pssNamespaceFindings(args: {
  rules: readonly Rule[];
  files: readonly string[];
  selectionFor: (preset: PssPreset) => PerFileSelection;
  input: Omit<RunInput, 'rules'>;
  namespaces: ReadonlyMap<string, PssPreset>;
  already: readonly Finding[];
}): Finding[] {
  const seen = new Set(args.already.map(findingKey));
  const out: Finding[] = [];
  for (const preset of new Set(args.namespaces.values())) {
    const rules = args.rules.filter((rule) => ruleInPreset(rule, preset));
    const plan = planRules(rules, args.files, args.selectionFor(preset));
    for (const finding of runPlan(plan, args.input)) {
      const ns = finding.object?.namespace;
      if (ns == null || args.namespaces.get(ns) !== preset) continue;
      const key = findingKey(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding);
    }
  }
  return out;
}

function findingKey(f: Finding): string {
  return `${f.ruleId}\u0001${f.file}\u0001${f.line}\u0001${f.column}\u0001${f.message}`;
}

