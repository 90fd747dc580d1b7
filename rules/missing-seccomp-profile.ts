import { defineRule, describeContainer, effectiveSecurityField, isPlainObject, isWindowsPod, workloadContainers, type WorkloadContainer, type Fix } from '../src/rule-api.js';

interface Options {
  allowUnset: boolean;
}

export default defineRule<Options>({
  id: 'missing-seccomp-profile',
  family: 'security',
  severity: 'warning',
  fixable: 'suggestion',
  presets: ['strict', 'pss-baseline'],
  description: 'A container runs without a seccomp profile (none set, or Unconfined)',
  messages: {
    unconfined: '{{setter}} sets seccompProfile type Unconfined, so {{container}} may make every system call',
    unset: 'neither {{container}} nor its Pod sets a seccompProfile (RuntimeDefault or Localhost), so on most clusters it runs without syscall filtering',
  },
  docs: {
    why: 'Pod Security Standards control "Seccomp": baseline forbids the Unconfined profile, restricted requires RuntimeDefault or Localhost. Without a profile a container may use every system call, including those most kernel exploits need. The pss-baseline preset sets `allowUnset: true`.',
    fix: 'Set `securityContext.seccompProfile: {type: RuntimeDefault}` on the Pod (or each container), or `Localhost` with a profile of your own.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - {name: app, image: "app:1.0"}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n  - {name: app, image: "app:1.0"}\n',
  },
  options: { type: 'object', properties: { allowUnset: { type: 'boolean', description: 'Report only Unconfined profiles, not missing ones (the baseline level).' } }, additionalProperties: false },
  defaultOptions: { allowUnset: false },
  presetOptions: { 'pss-baseline': { allowUnset: true } },
  check({ objects, report, options }) {
    const reported = new Set<string>();
    const once = (ref: WorkloadContainer, path: string, id: string, data: Record<string, string>, fixPath?: string) => {
      const key = `${ref.object.id}|${path}`;
      if (reported.has(key)) return;
      reported.add(key);
      const fix: Fix | undefined = fixPath ? { type: 'suggestion', description: 'Set seccompProfile type RuntimeDefault', edits: [{ op: 'set', path: fixPath, value: 'RuntimeDefault' }] } : undefined;
      report(ref.object, path, id, data, fix ? { fix } : undefined);
    };
    for (const ref of workloadContainers(objects, ['initContainers', 'containers', 'ephemeralContainers'])) {
      if (isWindowsPod(ref.template)) continue;
      const profile = effectiveSecurityField(ref.template, ref, 'seccompProfile');
      const type = profile && isPlainObject(profile.value) ? profile.value.type : undefined;
      if (profile && type === 'Unconfined') {
        once(ref, `${profile.path}.type`, 'unconfined', { setter: profile.path.startsWith(`${ref.path}.`) ? describeContainer(ref) : 'the Pod', container: describeContainer(ref) }, `${profile.path}.type`);
      } else if ((type !== 'RuntimeDefault' && type !== 'Localhost') && !options.allowUnset) {
        // With no profile anywhere, the Pod-level one covers every container at once.
        once(ref, `${ref.path}.securityContext.seccompProfile`, 'unset', { container: describeContainer(ref) }, profile ? undefined : `${ref.template.specPath}.securityContext.seccompProfile.type`);
      }
    }
  },
});
