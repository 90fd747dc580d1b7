import { capabilities, defineRule, describeContainer, securityFieldFailures, type Fix } from '../src/rule-api.js';

interface Options {
  flagUnset: boolean;
}

export default defineRule<Options>({
  id: 'privilege-escalation-allowed',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['recommended', 'pss-restricted'],
  fixable: 'suggestion',
  description: 'A container may gain more privileges than its parent process (allowPrivilegeEscalation is not false)',
  docs: {
    why: 'Pod Security Standards control "Privilege Escalation" (restricted). Unless allowPrivilegeEscalation is false, the kernel lets a process gain privileges through setuid binaries (sudo, su, ping…) or file capabilities, so a compromised app can become root in its container. Kubernetes allows escalation when the field is omitted, which is why an unset field is flagged too (the Pod Security Standards "restricted" profile requires false). Set the flagUnset option to false to flag only an explicit true, as kube-linter does. Privileged containers and containers adding SYS_ADMIN always allow escalation (the API server rejects false for them); privileged-container and dangerous-capabilities report those. Windows Pods are skipped.',
    fix: 'Set securityContext.allowPrivilegeEscalation: false on the container.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      allowPrivilegeEscalation: false\n',
  },
  messages: {
    escalationAllowed: '{{container}} sets allowPrivilegeEscalation: true, so its processes can gain root through setuid binaries',
    escalationByDefault: '{{container}} does not set allowPrivilegeEscalation: false, and Kubernetes allows escalation by default: its processes can gain root through setuid binaries',
  },
  options: {
    type: 'object',
    properties: {
      flagUnset: { type: 'boolean', description: 'Also flag containers that omit allowPrivilegeEscalation (Kubernetes then allows escalation).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { flagUnset: true },
  check({ objects, report, options }) {
    // Privileged containers and those with SYS_ADMIN (or ALL) can escalate whatever the field says; other rules report them.
    const escalates = securityFieldFailures(objects, {
      field: 'allowPrivilegeEscalation',
      linuxOnly: true,
      fails: (value, context, ref) => value !== false && context.privileged !== true && !capabilities(ref, 'add').some((c) => c.value === 'SYS_ADMIN' || c.value === 'ALL'),
    });
    for (const { ref, value, path } of escalates) {
      if (value === true) {
        report(ref.object, path, 'escalationAllowed', { container: describeContainer(ref) }, { fix: noEscalation(path) });
      } else if (options.flagUnset) {
        report(ref.object, path, 'escalationByDefault', { container: describeContainer(ref) }, { fix: noEscalation(path) });
      }
    }
  },
});

function noEscalation(path: string): Fix {
  return { type: 'suggestion', description: 'Set allowPrivilegeEscalation: false', edits: [{ op: 'set', path, value: false }] };
}
