import { defineRule, describeContainer, isPlainObject, podSysctls, workloadContainers, type PodTemplate } from '../src/rule-api.js';

interface Options {
  allowedPorts: number[];
}

export default defineRule<Options>({
  id: 'privileged-ports',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A container listens on a privileged port (below 1024)',
  docs: {
    why: 'Binding a port below 1024 needs root or the NET_BIND_SERVICE capability, so an app that listens on port 80 is usually run as root for that alone. Inside a cluster the number is free to choose: a Service can expose port 80 and forward to 8080. A Pod that lowers net.ipv4.ip_unprivileged_port_start with a sysctl makes its ports unprivileged, and is not flagged.',
    fix: 'Listen on a port above 1023 and map the Service\'s port to it (port: 80, targetPort: 8080). List ports you accept in the allowedPorts option.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    ports: [{containerPort: 80}]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: registry.example.com/web:1.4.2\n    ports: [{containerPort: 8080}]\n',
  },
  messages: {
    privilegedPort: '{{container}} listens on port {{port}}, below {{firstUnprivileged}}: binding it needs root or NET_BIND_SERVICE',
  },
  options: {
    type: 'object',
    properties: {
      allowedPorts: { type: 'array', items: { type: 'integer' }, description: 'Privileged ports to accept.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { allowedPorts: [] },
  check({ objects, report, options }) {
    const allowed = new Set(options.allowedPorts);
    for (const ref of workloadContainers(objects)) {
      if (!Array.isArray(ref.container.ports)) continue;
      const firstUnprivileged = unprivilegedPortStart(ref.template);
      ref.container.ports.forEach((port, i) => {
        if (!isPlainObject(port) || !Number.isInteger(port.containerPort)) return;
        const number = port.containerPort as number;
        if (number <= 0 || number >= firstUnprivileged || allowed.has(number)) return;
        report(ref.object, `${ref.path}.ports[${i}].containerPort`, 'privilegedPort', { container: describeContainer(ref), port: number, firstUnprivileged });
      });
    }
  },
});

/** The first unprivileged port: 1024, unless the Pod lowers it with a sysctl. */
function unprivilegedPortStart(template: PodTemplate): number {
  for (const sysctl of podSysctls(template)) {
    if (sysctl.name !== 'net.ipv4.ip_unprivileged_port_start') continue;
    const value = Number(sysctl.value);
    if (Number.isInteger(value) && value >= 0) return Math.min(value, 1024);
  }
  return 1024;
}
