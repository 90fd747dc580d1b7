import { capabilities, defineRule, own, describeContainer, normalizeCapability, workloadContainers } from '../src/rule-api.js';

interface Options {
  forbidden: string[];
  allowed: string[];
}

/** What each default capability hands over (man 7 capabilities). */
const WHY: Record<string, string> = {
  ALL: 'every capability, which is as good as privileged',
  SYS_ADMIN: 'mounts, namespaces and much of the kernel: the usual way out of a container',
  NET_ADMIN: 'control of the network stack: routes, firewall rules, sniffing setups',
  SYS_PTRACE: 'tracing and reading the memory of other processes',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'rebooting the node',
  SYS_TIME: 'setting the node\'s clock',
  DAC_READ_SEARCH: 'reading any file, bypassing permissions (and open_by_handle_at escapes)',
  BPF: 'loading BPF programs into the kernel',
  PERFMON: 'kernel performance monitoring, which can leak kernel memory',
  MAC_ADMIN: 'changing the mandatory access control policy (AppArmor, SELinux)',
  MAC_OVERRIDE: 'bypassing the mandatory access control policy',
};

export default defineRule<Options>({
  id: 'dangerous-capabilities',
  family: 'security',
  severity: 'error',
  locality: 'object',
  presets: ['recommended', 'pss-baseline'],
  description: 'A container adds a Linux capability that gives control over the node (SYS_ADMIN, NET_ADMIN, ALL…)',
  docs: {
    why: 'Pod Security Standards control "Capabilities" (baseline). Capabilities split root\'s power into pieces; some pieces are nearly all of it. SYS_ADMIN alone allows mounts and namespace tricks that escape the container, NET_ADMIN rewires the node\'s network, ALL is privileged in all but name. The default list: ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, SYS_RAWIO, SYS_BOOT, SYS_TIME, DAC_READ_SEARCH, BPF, PERFMON, MAC_ADMIN, MAC_OVERRIDE. NET_RAW has its own rule, drop-net-raw.',
    fix: 'Drop the capability, or replace it with a narrower one (NET_BIND_SERVICE to bind low ports). A component that truly needs one (a CNI plugin needs NET_ADMIN) can list it in the allowed option.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: vpn}\nspec:\n  containers:\n  - name: vpn\n    image: registry.example.com/vpn:1.4.2\n    securityContext:\n      capabilities:\n        add: [SYS_ADMIN]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: vpn}\nspec:\n  containers:\n  - name: vpn\n    image: registry.example.com/vpn:1.4.2\n    securityContext:\n      capabilities:\n        drop: [ALL]\n        add: [NET_BIND_SERVICE]\n',
  },
  options: {
    type: 'object',
    properties: {
      forbidden: { type: 'array', items: { type: 'string' }, description: 'Capabilities no container may add (with or without the CAP_ prefix).' },
      allowed: { type: 'array', items: { type: 'string' }, description: 'Capabilities to accept even though they are in forbidden.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { forbidden: Object.keys(WHY), allowed: [] },
  messages: {
    grants: '{{container}} adds capability {{capability}}, which grants {{grants}}',
    forbidden: '{{container}} adds capability {{capability}}, which the team lists as forbidden',
  },
  check({ objects, report, options }) {
    const allowed = new Set(options.allowed.map(normalizeCapability));
    const forbidden = new Set(options.forbidden.map(normalizeCapability).filter((c) => !allowed.has(c)));
    for (const ref of workloadContainers(objects)) {
      for (const cap of capabilities(ref, 'add')) {
        if (!forbidden.has(cap.value)) continue;
        const grants = own(WHY, cap.value);
        const data = { container: describeContainer(ref), capability: cap.value };
        if (grants) report(ref.object, cap.path, 'grants', { ...data, grants });
        else report(ref.object, cap.path, 'forbidden', data);
      }
    }
  },
});
