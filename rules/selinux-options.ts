import { defineRule, describeContainer, isPlainObject, workloadContainers } from '../src/rule-api.js';

/** The SELinux types Pod Security baseline allows. */
const ALLOWED_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

export default defineRule({
  id: 'selinux-options',
  family: 'security',
  severity: 'warning',
  presets: ['pss-baseline'],
  description: 'A Pod or container sets an SELinux user or role, or a type other than the container types',
  messages: {
    type: '{{setter}} sets SELinux type "{{value}}"; Pod Security baseline allows only {{allowed}}',
    userRole: '{{setter}} sets the SELinux {{field}} "{{value}}", which Pod Security baseline forbids',
  },
  docs: {
    why: 'Pod Security Standards control "SELinux" (baseline): a custom SELinux user or role, or a type such as spc_t, lifts the labels that keep a container away from the node\'s files and processes.',
    fix: 'Remove `seLinuxOptions.user` and `role`, and leave `type` unset or use container_t, container_init_t, container_kvm_t or container_engine_t. `level` may be set.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    seLinuxOptions: {type: spc_t}\n  containers:\n  - {name: app, image: "app:1.0"}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    seLinuxOptions: {level: "s0:c123,c456"}\n  containers:\n  - {name: app, image: "app:1.0"}\n',
  },
  check({ objects, report }) {
    const reported = new Set<string>();
    for (const ref of workloadContainers(objects, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const places = [
        { context: ref.container.securityContext, path: `${ref.path}.securityContext.seLinuxOptions`, setter: describeContainer(ref) },
        { context: ref.template.spec.securityContext, path: `${ref.template.specPath}.securityContext.seLinuxOptions`, setter: 'the Pod' },
      ];
      for (const { context, path, setter } of places) {
        const options = isPlainObject(context) ? context.seLinuxOptions : undefined;
        if (!isPlainObject(options) || reported.has(`${ref.object.id}|${path}`)) continue;
        reported.add(`${ref.object.id}|${path}`);
        if (typeof options.type === 'string' && options.type !== '' && !ALLOWED_TYPES.includes(options.type)) {
          report(ref.object, `${path}.type`, 'type', { setter, value: options.type, allowed: ALLOWED_TYPES.join(', ') });
        }
        for (const field of ['user', 'role'] as const) {
          if (typeof options[field] === 'string' && options[field] !== '') report(ref.object, `${path}.${field}`, 'userRole', { setter, field, value: options[field] as string });
        }
      }
    }
  },
});
