import { defineRule, podTemplateOf, type Fix } from '../src/rule-api.js';

interface Options {
  /** ServiceAccounts whose Pods are expected to call the Kubernetes API. */
  allowServiceAccounts: string[];
}

export default defineRule<Options>({
  id: 'automount-service-account-token',
  family: 'rbac',
  severity: 'warning',
  presets: ['strict'],
  fixable: 'suggestion',
  description: 'Pods that get a ServiceAccount token mounted without opting in',
  docs: {
    why: 'Unless told otherwise, Kubernetes mounts an API token into every container. Most apps never call the API; for them the token is only something an attacker can steal and use with whatever the ServiceAccount is allowed.',
    fix: 'Set automountServiceAccountToken: false on the Pod spec (or on its ServiceAccount). Pods that call the API keep it, and can be listed in allowServiceAccounts.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  serviceAccountName: web\n  containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  serviceAccountName: web\n  automountServiceAccountToken: false\n  containers: [{name: web, image: registry.example.com/web:1.4.2}]\n',
  },
  messages: {
    optsIn: '{{kind}} "{{name}}" mounts a token of ServiceAccount "{{account}}" into its Pods (automountServiceAccountToken: true)',
    podDoesNotOptOut: '{{kind}} "{{name}}" gets a token of ServiceAccount "{{account}}" mounted in every container: the Pod spec does not set automountServiceAccountToken: false',
    neitherOptsOut: '{{kind}} "{{name}}" gets a token of ServiceAccount "{{account}}" mounted in every container: neither the Pod spec nor ServiceAccount "{{account}}" sets automountServiceAccountToken: false',
  },
  options: {
    type: 'object',
    properties: { allowServiceAccounts: { type: 'array', items: { type: 'string' }, description: 'ServiceAccount names whose Pods may mount a token' } },
    additionalProperties: false,
  },
  defaultOptions: { allowServiceAccounts: [] },
  check({ objects, report, options }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template || template.opaque || obj.kind === 'PodTemplate') continue;
      const spec = template.spec;
      const accountName = typeof spec.serviceAccountName === 'string' && spec.serviceAccountName ? spec.serviceAccountName : typeof spec.serviceAccount === 'string' && spec.serviceAccount ? spec.serviceAccount : 'default';
      if (options.allowServiceAccounts.includes(accountName)) continue;
      // The Pod's own setting wins over its ServiceAccount's.
      if (spec.automountServiceAccountToken === true) {
        report(obj, `${template.specPath}.automountServiceAccountToken`, 'optsIn', { kind: obj.kind, name: obj.name, account: accountName }, { fix: noToken(`${template.specPath}.automountServiceAccountToken`) });
        continue;
      }
      if (spec.automountServiceAccountToken === false) continue;
      const account = objects.find('ServiceAccount', template.namespace, accountName);
      if (account?.body.automountServiceAccountToken === false) continue;
      report(obj, template.specPath, account ? 'neitherOptsOut' : 'podDoesNotOptOut', { kind: obj.kind, name: obj.name, account: accountName }, { fix: noToken(`${template.specPath}.automountServiceAccountToken`) });
    }
  },
});

function noToken(path: string): Fix {
  return { type: 'suggestion', description: 'Set automountServiceAccountToken: false on the Pod spec', edits: [{ op: 'set', path, value: false }] };
}
