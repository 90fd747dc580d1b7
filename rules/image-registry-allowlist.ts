import { defineRule, describeContainer, isTemplatedImage, parseImageRef, workloadContainers, type ImageRef } from '../src/rule-api.js';

interface Options {
  registries: string[];
}

export default defineRule<Options>({
  id: 'image-registry-allowlist',
  family: 'security',
  severity: 'warning',
  locality: 'object',
  presets: ['strict'],
  description: 'A container image comes from a registry the team has not allowed',
  docs: {
    why: 'Images from registries a team does not control can change or vanish, and are a common way in for malicious code. Many teams mirror what they run into their own registry. This rule does nothing until the registries option lists the allowed ones.',
    fix: 'Pull the image from an allowed registry (mirror it there), or add its registry to the registries option. An entry is a registry host (registry.example.com, localhost:5000), a host with a path prefix (ghcr.io/my-org), or a wildcard host (*.pkg.dev). Images without a registry come from docker.io.',
    bad: '# with the option registries: [registry.example.com]\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: "nginx:1.27.3"}]\n',
    good: '# with the option registries: [registry.example.com]\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: "registry.example.com/mirror/nginx:1.27.3"}]\n',
  },
  messages: {
    notAllowed: '{{container}} pulls "{{image}}" from {{registry}}, which is not an allowed registry ({{allowed}})',
    notAllowedDefault: '{{container}} pulls "{{image}}" from {{registry}} (an image without a registry comes from docker.io), which is not an allowed registry ({{allowed}})',
  },
  options: {
    type: 'object',
    properties: {
      registries: {
        type: 'array',
        items: { type: 'string' },
        description: 'Allowed registries: a host, host/path-prefix, or *.domain. Empty (the default) turns the rule off.',
      },
    },
    additionalProperties: false,
  },
  defaultOptions: { registries: [] },
  check({ objects, report, options }) {
    if (!options.registries.length) return;
    const allowed = options.registries.map((entry) => entry.trim().replace(/\/+$/, '').toLowerCase()).filter(Boolean);
    for (const ref of workloadContainers(objects)) {
      const image = ref.container.image;
      if (typeof image !== 'string' || image.trim() === '' || isTemplatedImage(image)) continue;
      const parsed = parseImageRef(image);
      if (allowed.some((entry) => registryAllows(entry, parsed))) continue;
      const data = { container: describeContainer(ref), image, registry: parsed.registry, allowed: options.registries.join(', ') };
      report(ref.object, `${ref.path}.image`, parsed.explicitRegistry ? 'notAllowed' : 'notAllowedDefault', data);
    }
  },
});

/** Whether one allowlist entry (lower-cased) admits an image. */
function registryAllows(entry: string, image: ImageRef): boolean {
  const slash = entry.indexOf('/');
  const host = slash >= 0 ? entry.slice(0, slash) : entry;
  const prefix = slash >= 0 ? entry.slice(slash + 1) : '';
  const registry = image.registry.toLowerCase();
  const hostMatches = host.startsWith('*.') ? registry.endsWith(host.slice(1)) : registry === host || (host === 'docker.io' && registry === 'index.docker.io');
  if (!hostMatches) return false;
  if (!prefix) return true;
  let repository = image.repository.toLowerCase();
  // Docker Hub's official images live under library/ even when written `nginx`.
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return repository === prefix || repository.startsWith(`${prefix}/`);
}
