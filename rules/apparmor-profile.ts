import { defineRule, type JsonObject, describeContainer, effectiveSecurityField, isPlainObject, podTemplateOf, workloadContainers } from '../src/rule-api.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  id: 'apparmor-profile',
  family: 'security',
  severity: 'warning',
  presets: ['pss-baseline'],
  description: 'A container turns AppArmor off (profile Unconfined)',
  messages: {
    unconfined: '{{container}} runs with AppArmor profile Unconfined, which Pod Security baseline forbids',
    annotation: 'the AppArmor annotation for container "{{container}}" is "unconfined", which Pod Security baseline forbids',
  },
  docs: {
    why: 'Pod Security Standards control "AppArmor" (baseline): on nodes with AppArmor, the runtime\'s default profile limits what a container may do to files, mounts and the network; Unconfined removes it.',
    fix: 'Remove the Unconfined profile (the runtime default applies), or use `appArmorProfile: {type: RuntimeDefault}` or a `Localhost` profile.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    appArmorProfile: {type: Unconfined}\n  containers:\n  - {name: app, image: "app:1.0"}\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n  containers:\n  - {name: app, image: "app:1.0"}\n',
  },
  check({ objects, report }) {
    const reported = new Set<string>();
    for (const ref of workloadContainers(objects, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const profile = effectiveSecurityField(ref.template, ref, 'appArmorProfile');
      if (!profile || !isPlainObject(profile.value) || profile.value.type !== 'Unconfined') continue;
      const key = `${ref.object.id}|${profile.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      report(ref.object, `${profile.path}.type`, 'unconfined', { container: describeContainer(ref) });
    }
    for (const obj of objects) {
      const template = podTemplateOf(obj);
      if (!template) continue;
      for (const [key, value] of Object.entries(templateAnnotations(obj.body, template.metadataPath))) {
        if (key.startsWith(ANNOTATION_PREFIX) && value === 'unconfined') {
          report(obj, [...template.metadataPath.split('.'), 'annotations', key], 'annotation', { container: key.slice(ANNOTATION_PREFIX.length) });
        }
      }
    }
  },
});

/** The annotations of a Pod template's metadata (the Pod's own for a Pod). */
function templateAnnotations(body: JsonObject, metadataPath: string): Record<string, unknown> {
  let node: unknown = body;
  for (const key of metadataPath.split('.')) node = isPlainObject(node) ? node[key] : undefined;
  return isPlainObject(node) && isPlainObject(node.annotations) ? node.annotations : {};
}
