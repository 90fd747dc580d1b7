import { defineRule, describeContainer, securityFieldFailures } from '../src/rule-api.js';

export default defineRule({
  id: 'unsafe-proc-mount',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['strict', 'pss-baseline'],
  description: 'A container sets a procMount other than Default (e.g. Unmasked)',
  docs: {
    why: 'Pod Security Standards control "/proc Mount Type" (baseline: only Default). By default the runtime masks and makes read-only the parts of /proc that expose or control the node\'s kernel. procMount: Unmasked removes that protection; it is meant only for nested containers in a user namespace, and elsewhere it hands the container the node\'s kernel knobs.',
    fix: 'Remove procMount (or set it to Default). If you run nested containers, run the Pod in a user namespace (hostUsers: false).',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: builder}\nspec:\n  hostUsers: false\n  containers:\n  - name: builder\n    image: registry.example.com/builder:1.4.2\n    securityContext:\n      procMount: Unmasked\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: builder}\nspec:\n  hostUsers: false\n  containers:\n  - name: builder\n    image: registry.example.com/builder:1.4.2\n    securityContext:\n      procMount: Default\n',
  },
  messages: {
    notDefault: '{{container}} sets procMount: {{value}} instead of Default, so the runtime no longer masks the kernel controls in /proc',
    notDefaultInUserNamespace: '{{container}} sets procMount: {{value}} instead of Default, so the runtime no longer masks the kernel controls in /proc (the Pod runs in a user namespace, which limits the damage but not the exposure)',
  },
  check({ objects, report }) {
    const notDefault = (value: unknown) => value !== undefined && value !== null && value !== 'Default';
    for (const { ref, path, value } of securityFieldFailures(objects, { field: 'procMount', fails: notDefault })) {
      const shown = typeof value === 'string' ? value : JSON.stringify(value);
      report(ref.object, path, ref.template.spec.hostUsers === false ? 'notDefaultInUserNamespace' : 'notDefault', { container: describeContainer(ref), value: shown });
    }
  },
});
