import { defineRule, isPlainObject } from '../src/rule-api.js';

interface Options {
  /** Accept objects that omit metadata.namespace (the namespace is set at deploy time: kubectl -n, kustomize, Helm). */
  allowOmitted: boolean;
}

export default defineRule<Options>({
  id: 'missing-namespace',
  family: 'hygiene',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A namespaced object in the "default" namespace, named or implied by omitting metadata.namespace',
  docs: {
    why: 'The default namespace is shared by everything nobody placed elsewhere: names collide, RBAC and NetworkPolicies cannot tell apps apart, and quotas cannot be set per team.',
    fix: 'Set metadata.namespace to the application\'s namespace. Where the namespace is chosen at deploy time (kubectl -n, kustomize, Helm), turn on allowOmitted.',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {LOG_LEVEL: info}\n',
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web, namespace: shop}\ndata: {LOG_LEVEL: info}\n',
  },
  messages: {
    inDefault: '{{kind}} "{{name}}" is in the "default" namespace',
    noNamespace: '{{kind}} "{{name}}" sets no metadata.namespace, so it lands in the "default" namespace (or whichever one the deploy command picks)',
  },
  options: {
    type: 'object',
    properties: { allowOmitted: { type: 'boolean', description: 'Only flag objects that name the default namespace explicitly' } },
    additionalProperties: false,
  },
  defaultOptions: { allowOmitted: false },
  check({ objects, report, options }) {
    for (const obj of objects) {
      if (obj.namespace !== 'default') continue;
      const metadata = isPlainObject(obj.body.metadata) ? obj.body.metadata : {};
      const explicit = typeof metadata.namespace === 'string' && metadata.namespace !== '';
      if (explicit) report(obj, 'metadata.namespace', 'inDefault', { kind: obj.kind, name: obj.name });
      else if (!options.allowOmitted) report(obj, 'metadata', 'noNamespace', { kind: obj.kind, name: obj.name });
    }
  },
});
