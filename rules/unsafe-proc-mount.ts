import { containerSecurityContext, defineRule, describeContainer, workloadContainers } from '../src/rule-api.js';

export default defineRule({
  id: 'unsafe-proc-mount',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A container unmasks /proc (procMount: Unmasked)',
  docs: {
    why: 'By default the runtime masks and makes read-only the parts of /proc that expose or control the node\'s kernel. procMount: Unmasked removes that protection; it is meant only for nested containers in a user namespace, and elsewhere it hands the container the node\'s kernel knobs.',
    fix: 'Remove procMount (or set it to Default). If you run nested containers, run the Pod in a user namespace (hostUsers: false).',
    bad: 'securityContext:\n  procMount: Unmasked\n',
    good: 'securityContext:\n  procMount: Default\n',
  },
  check({ objects, report }) {
    for (const ref of workloadContainers(objects)) {
      const { context, path } = containerSecurityContext(ref);
      if (context.procMount !== 'Unmasked') continue;
      const userNamespace = ref.template.spec.hostUsers === false ? ' (the Pod runs in a user namespace, which limits the damage but not the exposure)' : '';
      report(ref.object, `${path}.procMount`, `${describeContainer(ref)} sets procMount: Unmasked, so the runtime no longer masks the kernel controls in /proc${userNamespace}`);
    }
  },
});
