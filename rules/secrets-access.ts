import { defineRule, policyRulesOf } from '../src/rule-api.js';

interface Options {
  /** Verbs that count as reading Secrets. */
  verbs: string[];
}

export default defineRule<Options>({
  id: 'secrets-access',
  family: 'rbac',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A Role or ClusterRole that can read Secrets',
  docs: {
    why: 'Reading Secrets hands over every password, token and key stored in them; "list" and "watch" return their contents too, not only names. Whoever gets a token bound to such a role gets all of them.',
    fix: 'Mount the Secrets a Pod needs as volumes or env instead of reading them through the API. Where API access is needed, limit the rule with resourceNames to the Secrets in question.',
    bad: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app-reader, namespace: shop}\nrules:\n- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get, list]\n',
    good: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app-reader, namespace: shop}\nrules:\n- apiGroups: [""]\n  resources: [secrets]\n  resourceNames: [app-tls]\n  verbs: [get]\n',
  },
  messages: {
    readsSecrets: '{{kind}} "{{name}}" can {{verbs}} Secrets (all of them: no resourceNames)',
    readsNamedSecrets: '{{kind}} "{{name}}" can {{verbs}} Secrets',
    readsEverything: '{{kind}} "{{name}}" can {{verbs}} every resource, Secrets included (all of them: no resourceNames)',
    readsEverythingNamed: '{{kind}} "{{name}}" can {{verbs}} every resource, Secrets included',
  },
  options: {
    type: 'object',
    properties: { verbs: { type: 'array', items: { type: 'string' }, description: 'Verbs that count as reading Secrets' } },
    additionalProperties: false,
  },
  defaultOptions: { verbs: ['get', 'list', 'watch', '*'] },
  check({ objects, report, options }) {
    for (const role of objects.ofKind('Role', 'ClusterRole')) {
      for (const rule of policyRulesOf(role)) {
        if (!rule.apiGroups.some((g) => g === '' || g === '*')) continue;
        const resource = rule.resources.findIndex((r) => r === 'secrets' || r === '*');
        const verbs = rule.verbs.filter((v) => options.verbs.includes(v));
        // resourceNames narrows get to named Secrets; list and watch ignore it.
        const named = Array.isArray(rule.rule.resourceNames) && rule.rule.resourceNames.length > 0;
        const reading = named ? verbs.filter((v) => v === 'list' || v === 'watch' || v === '*') : verbs;
        if (resource < 0 || reading.length === 0) continue;
        const everything = rule.resources[resource] === '*';
        const messageId = everything ? (named ? 'readsEverythingNamed' : 'readsEverything') : named ? 'readsNamedSecrets' : 'readsSecrets';
        report(role, `${rule.path}.resources[${resource}]`, messageId, { kind: role.kind, name: role.name, verbs: reading.join(', ') });
      }
    }
  },
});
