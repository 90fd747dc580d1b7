import { isPlainObject } from '../k8s/guards.js';
import type { JsonObject, K8sObject } from '../types.js';

export interface PolicyRuleRef {
  rule: JsonObject;
  /** Field path of the rule, e.g. `rules[2]`. */
  path: string;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** The `rules` of a Role or ClusterRole, with their lists read as strings. */
export function policyRulesOf(role: K8sObject): PolicyRuleRef[] {
  if (!Array.isArray(role.body.rules)) return [];
  const out: PolicyRuleRef[] = [];
  role.body.rules.forEach((rule, i) => {
    if (!isPlainObject(rule)) return;
    out.push({ rule, path: `rules[${i}]`, apiGroups: strings(rule.apiGroups), resources: strings(rule.resources), verbs: strings(rule.verbs) });
  });
  return out;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

/** A binding's `roleRef` as kind and name. */
export function declaredRoleRef(binding: K8sObject): { kind: string; name: string } | undefined {
  const ref = binding.body.roleRef;
  if (!isPlainObject(ref) || typeof ref.name !== 'string') return undefined;
  return { kind: typeof ref.kind === 'string' ? ref.kind : 'ClusterRole', name: ref.name };
}

/**
 * `ServiceAccount ns/name, User alice` — how a finding names a binding's subjects. A kind or name
 * that is missing or no scalar (schema-violation reports it) reads `subject` or `(no name)`.
 */
export function formatSubjects(binding: K8sObject): string {
  const subjects = Array.isArray(binding.body.subjects) ? binding.body.subjects.filter(isPlainObject) : [];
  if (subjects.length === 0) return 'no subjects';
  return subjects
    .map((s) => `${scalarText(s.kind) ?? 'subject'} ${typeof s.namespace === 'string' ? `${s.namespace}/` : ''}${scalarText(s.name) ?? '(no name)'}`)
    .join(', ');
}

function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
