import { containerSecurityContext, defineRule, describeContainer, isPlainObject, isWindowsPod, normalizeCapability, workloadContainers, type Fix } from '../src/rule-api.js';

/**
 * Capabilities the Pod Security Standards' baseline profile lets a container add, and the restricted
 * profile does not (it allows NET_BIND_SERVICE only). Others that are added are reported by
 * dangerous-capabilities (SYS_ADMIN…) and drop-net-raw (NET_RAW).
 */
const BASELINE_ONLY = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export default defineRule({
  id: 'drop-all-capabilities',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['pss-restricted'],
  fixable: 'suggestion',
  description: 'A container does not drop ALL capabilities, or adds one other than NET_BIND_SERVICE (Pod Security Standards, restricted)',
  docs: {
    why: 'Pod Security Standards control "Capabilities" (restricted): every container must list ALL in securityContext.capabilities.drop and may add back only NET_BIND_SERVICE. Without it a container keeps the runtime\'s default set (CHOWN, DAC_OVERRIDE, FOWNER, KILL, NET_RAW, SETUID, SETGID and more), which a compromised process can use. Pod Security admission compares the names exactly as written: "all" or "CAP_NET_BIND_SERVICE" do not count, and a namespace that enforces restricted rejects such Pods. Capabilities that give control over the node are reported by dangerous-capabilities, NET_RAW by drop-net-raw. Windows Pods are skipped.',
    fix: 'Add capabilities: {drop: [ALL]} to the container\'s securityContext, and add back only NET_BIND_SERVICE when the process binds a port below 1024.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      capabilities:\n        drop: [NET_RAW]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      capabilities:\n        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n',
  },
  messages: {
    keepsDefaults: '{{container}} does not drop ALL capabilities, so it keeps the container runtime\'s default set',
    misspelledAll: '{{container}} drops "{{written}}", but Pod Security admission accepts only "ALL" as written, so the default capabilities count as kept',
    addsBeyondRestricted: '{{container}} adds capability {{capability}}; the restricted profile lets a container add only NET_BIND_SERVICE',
    misspelledAdd: '{{container}} adds "{{written}}", but Pod Security admission accepts only "NET_BIND_SERVICE" as written',
  },
  check({ objects, report }) {
    for (const ref of workloadContainers(objects)) {
      if (isWindowsPod(ref.template)) continue;
      const { context, path } = containerSecurityContext(ref);
      const caps = isPlainObject(context.capabilities) ? context.capabilities : {};
      const drop = Array.isArray(caps.drop) ? caps.drop : [];
      const add = Array.isArray(caps.add) ? caps.add : [];
      const container = describeContainer(ref);
      if (!drop.includes('ALL')) {
        const near = drop.findIndex((cap) => typeof cap === 'string' && normalizeCapability(cap) === 'ALL');
        if (near >= 0) report(ref.object, `${path}.capabilities.drop[${near}]`, 'misspelledAll', { container, written: String(drop[near]) }, { fix: spell(`${path}.capabilities.drop[${near}]`, 'ALL') });
        else report(ref.object, `${path}.capabilities.drop`, 'keepsDefaults', { container }, { fix: { type: 'suggestion', description: 'Drop ALL capabilities', edits: [{ op: 'append', path: `${path}.capabilities.drop`, value: 'ALL' }] } });
      }
      add.forEach((cap, i) => {
        if (typeof cap !== 'string' || cap === 'NET_BIND_SERVICE') return;
        const name = normalizeCapability(cap);
        const at = `${path}.capabilities.add[${i}]`;
        if (name === 'NET_BIND_SERVICE') report(ref.object, at, 'misspelledAdd', { container, written: cap }, { fix: spell(at, 'NET_BIND_SERVICE') });
        else if (BASELINE_ONLY.has(name)) report(ref.object, at, 'addsBeyondRestricted', { container, capability: name });
      });
    }
  },
});

function spell(path: string, value: string): Fix {
  return { type: 'suggestion', description: `Write ${value} as Kubernetes expects it`, edits: [{ op: 'set', path, value }] };
}
