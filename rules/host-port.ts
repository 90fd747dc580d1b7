import { declaredPorts, defineRule, describeContainer, podTemplateOf } from '../src/rule-api.js';

export default defineRule({
  id: 'host-port',
  family: 'security',
  severity: 'warning',
  presets: ['pss-baseline'],
  description: 'A container binds a port of the node (hostPort)',
  messages: { hostPort: '{{container}} binds port {{port}} of the node (hostPort), which Pod Security baseline forbids' },
  docs: {
    why: 'Pod Security Standards control "Host Ports" (baseline): a hostPort opens a port on the node\'s own addresses, past NetworkPolicies of the Service path, and limits the Pod to nodes where that port is free.',
    fix: 'Remove hostPort and reach the Pod through a Service (NodePort or LoadBalancer if it must be reached from outside).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: "app:1.0"\n    ports: [{containerPort: 8080, hostPort: 8080}]\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: "app:1.0"\n    ports: [{containerPort: 8080}]\n',
  },
  check({ objects, report }) {
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const port of declaredPorts(template)) {
        if (port.hostPort !== undefined) report(obj, `${port.path}.hostPort`, 'hostPort', { container: describeContainer(port.container), port: port.hostPort });
      }
    }
  },
});
