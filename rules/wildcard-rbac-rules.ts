import { defineRule, policyRulesOf } from '../src/rule-api.js';

export default defineRule({
  id: 'wildcard-rbac-rules',
  family: 'rbac',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A Role or ClusterRole rule with "*" in its verbs or resources',
  docs: {
    why: 'A wildcard grants every verb or resource, including those added later by new API versions and CRDs, so the role silently grows beyond what was reviewed.',
    fix: 'List the verbs and resources the subject needs (for example get, list, watch on pods).',
    bad: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app, namespace: shop}\nrules:\n- apiGroups: [""]\n  resources: ["*"]\n  verbs: ["*"]\n',
    good: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app, namespace: shop}\nrules:\n- apiGroups: [""]\n  resources: [pods]\n  verbs: [get, list, watch]\n',
  },
  messages: {
    wildcardVerbs: '{{kind}} "{{name}}" grants "*" in verbs of {{rule}}, which allows every verb, present and future',
    wildcardResources: '{{kind}} "{{name}}" grants "*" in resources of {{rule}}, which allows every resource, present and future',
  },
  check({ objects, report }) {
    for (const role of objects.ofKind('Role', 'ClusterRole')) {
      for (const rule of policyRulesOf(role)) {
        for (const field of ['verbs', 'resources'] as const) {
          const i = rule[field].indexOf('*');
          if (i >= 0) report(role, `${rule.path}.${field}[${i}]`, field === 'verbs' ? 'wildcardVerbs' : 'wildcardResources', { kind: role.kind, name: role.name, rule: rule.path });
        }
      }
    }
  },
});
