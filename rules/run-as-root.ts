import { defineRule, describeContainer, effectiveSecurityField, isWindowsPod, workloadContainers, type Fix, type MessageData, type WorkloadContainer } from '../src/rule-api.js';

interface Options {
  flagRootGroup: boolean;
}

export default defineRule<Options>({
  id: 'run-as-root',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['recommended', 'pss-restricted'],
  fixable: 'suggestion',
  description: 'A container may run as root: neither it nor its Pod sets runAsNonRoot: true or a runAsUser above 0',
  docs: {
    why: 'Pod Security Standards controls "Running as Non-root" and "Running as Non-root user" (restricted). A container runs as the user its image names, which is root for most images unless the manifest says otherwise. Root in a container is root on the node\'s kernel: one kernel or runtime bug away from the node. runAsNonRoot: true makes the kubelet refuse to start a container whose user is root; runAsUser picks the user outright. The container\'s securityContext overrides the Pod\'s. runAsGroup 0 (the root group) is allowed by default, since OpenShift runs every container with group 0; set flagRootGroup to flag it. Windows Pods are skipped.',
    fix: 'Set runAsNonRoot: true (and a runAsUser above 0 if the image\'s user is root) in the Pod\'s securityContext, which applies to every container, or in the container\'s.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n  containers:\n  - name: app\n    image: registry.example.com/app:1.4.2\n',
  },
  options: {
    type: 'object',
    properties: {
      flagRootGroup: { type: 'boolean', description: 'Also flag containers whose runAsGroup is 0 (the root group).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { flagRootGroup: false },
  messages: {
    rootUser: '{{setter}} sets runAsUser: 0, so {{runner}} as root',
    rootUserRefused: '{{setter}} sets runAsUser: 0, so {{runner}} as root (with runAsNonRoot: true as well, the kubelet refuses to start the container)',
    nonRootFalse: '{{setter}} sets runAsNonRoot: false and no runAsUser above 0 is set, so {{container}} runs as its image\'s user, which is root unless the image says otherwise',
    unset: 'neither {{container}} nor its Pod sets runAsNonRoot: true or a runAsUser above 0, so it runs as its image\'s user, which is root unless the image says otherwise',
    rootGroup: '{{setter}} sets runAsGroup: 0, so {{runner}} in the root group and can use files only that group may',
  },
  check({ objects, report, options }) {
    // A Pod-level setting is reported once, not once per container it applies to.
    const reported = new Set<string>();
    const reportOnce = (ref: WorkloadContainer, path: string, messageId: string, data: MessageData, fix?: Fix) => {
      const key = `${ref.object.id}|${path}`;
      if (reported.has(key)) return;
      reported.add(key);
      report(ref.object, path, messageId, data, fix ? { fix } : undefined);
    };
    const nonRootFix = (path: string): Fix => ({ type: 'suggestion', description: 'Set runAsNonRoot: true', edits: [{ op: 'set', path, value: true }] });
    for (const ref of workloadContainers(objects)) {
      if (isWindowsPod(ref.template)) continue;
      // Who set the field, and who runs as a result: the container, or every container of the Pod.
      const who = (path: string) => (path.startsWith(`${ref.path}.`) ? { setter: describeContainer(ref), runner: 'it runs' } : { setter: 'the Pod', runner: 'its containers run' });
      const user = effectiveSecurityField(ref.template, ref, 'runAsUser');
      const nonRoot = effectiveSecurityField(ref.template, ref, 'runAsNonRoot');
      if (user?.value === 0) {
        reportOnce(ref, user.path, nonRoot?.value === true ? 'rootUserRefused' : 'rootUser', who(user.path));
      } else if (!(typeof user?.value === 'number' && user.value > 0) && nonRoot?.value !== true) {
        if (nonRoot?.value === false) {
          reportOnce(ref, nonRoot.path, 'nonRootFalse', { setter: who(nonRoot.path).setter, container: describeContainer(ref) }, nonRootFix(nonRoot.path));
        } else {
          reportOnce(ref, `${ref.path}.securityContext.runAsNonRoot`, 'unset', { container: describeContainer(ref) }, nonRootFix(`${ref.path}.securityContext.runAsNonRoot`));
        }
      }
      if (options.flagRootGroup) {
        const group = effectiveSecurityField(ref.template, ref, 'runAsGroup');
        if (group?.value === 0) reportOnce(ref, group.path, 'rootGroup', who(group.path));
      }
    }
  },
});
