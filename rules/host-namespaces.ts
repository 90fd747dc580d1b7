import { defineRule, podTemplateOf } from '../src/rule-api.js';

const NAMESPACES = {
  hostNetwork: 'the node\'s network: it can bind any node port and reach services listening only on the node',
  hostPID: 'the node\'s process table: it can see, signal and (with ptrace) enter every process of the node',
  hostIPC: 'the node\'s IPC namespace: it can read shared memory of processes outside the Pod',
} as const;

type HostNamespace = keyof typeof NAMESPACES;

interface Options {
  allowed: HostNamespace[];
}

export default defineRule<Options>({
  id: 'host-namespaces',
  family: 'security',
  severity: 'error',
  locality: 'object',
  presets: ['recommended', 'pss-baseline'],
  description: 'A Pod shares the node\'s network, process or IPC namespace (hostNetwork, hostPID, hostIPC)',
  docs: {
    why: 'Pod Security Standards control "Host Namespaces" (baseline). Namespaces are what separate a Pod from its node. With hostNetwork the Pod uses the node\'s network stack (and bypasses NetworkPolicies), with hostPID it sees every process of the node, with hostIPC it shares the node\'s shared memory. Each one gives a compromised container a way into the node and the other Pods on it.',
    fix: 'Remove hostNetwork, hostPID and hostIPC (or set them to false). Node agents that need one (a CNI plugin needs hostNetwork) can be exempted: list the field in the allowed option, or disable the rule for that object.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: agent}\nspec:\n  hostNetwork: true\n  hostPID: true\n  containers:\n  - name: agent\n    image: registry.example.com/agent:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: agent}\nspec:\n  containers:\n  - name: agent\n    image: registry.example.com/agent:1.4.2\n    ports: [{containerPort: 8080}]\n',
  },
  messages: {
    sharesNamespace: 'the Pod sets {{field}}: true, so it shares {{shared}}',
  },
  options: {
    type: 'object',
    properties: {
      allowed: { type: 'array', items: { enum: Object.keys(NAMESPACES) }, description: 'Host namespaces to accept.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowed: [] },
  check({ objects, report, options }) {
    const checked = (Object.keys(NAMESPACES) as HostNamespace[]).filter((field) => !options.allowed.includes(field));
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const field of checked) {
        if (template.spec[field] !== true) continue;
        report(obj, `${template.specPath}.${field}`, 'sharesNamespace', { field, shared: NAMESPACES[field] });
      }
    }
  },
});
