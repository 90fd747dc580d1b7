import { capabilities, containerSecurityContext, defineRule, describeContainer, isWindowsPod, workloadContainers } from '../src/rule-api.js';

export default defineRule({
  id: 'drop-net-raw',
  family: 'security',
  severity: 'warning',
  presets: ['strict'],
  fixable: 'suggestion',
  description: 'A container keeps (or adds) the NET_RAW capability',
  docs: {
    why: 'Container runtimes grant NET_RAW by default. It lets a process craft any packet: spoof addresses, and poison ARP or DNS for the other Pods on its node. Almost no app needs it (modern ping works without it). A container keeps it unless it drops NET_RAW or ALL. Adding ALL is reported by dangerous-capabilities instead. Windows Pods are skipped.',
    fix: 'Add securityContext.capabilities.drop: [ALL] (or at least NET_RAW) to the container, and remove NET_RAW from capabilities.add.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n    securityContext:\n      capabilities:\n        drop: [ALL]\n',
  },
  messages: {
    addsNetRaw: '{{container}} adds capability NET_RAW, which lets it forge packets and spoof its neighbours on the node',
    keepsNetRaw: '{{container}} does not drop NET_RAW (nor ALL), so it keeps the runtime\'s default NET_RAW capability and can forge packets',
  },
  check({ objects, report }) {
    for (const ref of workloadContainers(objects)) {
      if (isWindowsPod(ref.template)) continue;
      const added = capabilities(ref, 'add').find((c) => c.value === 'NET_RAW');
      if (added) {
        report(ref.object, added.path, 'addsNetRaw', { container: describeContainer(ref) });
        continue;
      }
      if (capabilities(ref, 'add').some((c) => c.value === 'ALL')) continue;
      if (capabilities(ref, 'drop').some((c) => c.value === 'NET_RAW' || c.value === 'ALL')) continue;
      const { path } = containerSecurityContext(ref);
      report(ref.object, `${path}.capabilities.drop`, 'keepsNetRaw', { container: describeContainer(ref) }, {
        fix: { type: 'suggestion', description: 'Drop the NET_RAW capability', edits: [{ op: 'append', path: `${path}.capabilities.drop`, value: 'NET_RAW' }] },
      });
    }
  },
});
