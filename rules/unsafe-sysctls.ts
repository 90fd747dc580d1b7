import { defineRule, podSysctls, podTemplateOf } from '../src/rule-api.js';

interface Options {
  allowed: string[];
}

/**
 * Sysctls Kubernetes calls safe (namespaced and isolated per Pod), enabled on every kubelet.
 * https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls
 */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export default defineRule<Options>({
  id: 'unsafe-sysctls',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['strict', 'pss-baseline'],
  description: 'A Pod sets a sysctl outside Kubernetes\' safe set',
  docs: {
    why: 'Pod Security Standards control "Sysctls" (baseline). Unsafe sysctls are not isolated per Pod: they change the kernel for every Pod on the node, or let one Pod exhaust shared kernel memory. The kubelet refuses such a Pod (SysctlForbidden) unless it was started with --allowed-unsafe-sysctls, so in most clusters the Pod never runs. The safe set is the one documented for Kubernetes 1.32.',
    fix: 'Remove the sysctl, or run the workload on nodes whose kubelet allows it (and list it in the allowed option).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: queue}\nspec:\n  securityContext:\n    sysctls:\n    - {name: kernel.msgmax, value: "65536"}\n  containers:\n  - name: queue\n    image: registry.example.com/queue:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: queue}\nspec:\n  securityContext:\n    sysctls:\n    - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}\n  containers:\n  - name: queue\n    image: registry.example.com/queue:1.4.2\n',
  },
  messages: {
    unsafeSysctl: 'the Pod sets sysctl {{sysctl}}, which is not in Kubernetes\' safe set: the kubelet refuses the Pod unless it allows this sysctl (--allowed-unsafe-sysctls)',
  },
  options: {
    type: 'object',
    properties: {
      allowed: { type: 'array', items: { type: 'string' }, description: 'Unsafe sysctls your kubelets allow (--allowed-unsafe-sysctls); a trailing * matches a prefix.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowed: [] },
  check({ objects, report, options }) {
    const allowed = options.allowed.map((name) => name.trim().replace(/\//g, '.'));
    const isAllowed = (name: string) => SAFE_SYSCTLS.has(name) || allowed.some((a) => (a.endsWith('*') ? name.startsWith(a.slice(0, -1)) : a === name));
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const sysctl of podSysctls(template)) {
        if (isAllowed(sysctl.name)) continue;
        report(obj, `${sysctl.path}.name`, 'unsafeSysctl', { sysctl: sysctl.written });
      }
    }
  },
});
