import { defineRule, describeContainer, isTemplatedImage, parseImageRef, workloadContainers } from '../src/rule-api.js';

interface Options {
  floatingTags: string[];
}

export default defineRule<Options>({
  id: 'latest-tag',
  family: 'hygiene',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A container image uses the :latest tag or no tag at all',
  docs: {
    why: 'An image without a tag means :latest, and :latest (like any tag a registry moves) names whatever was pushed last. Two nodes can run different code for one Deployment, a rollback redeploys the new image, and the kubelet pulls on every start (imagePullPolicy defaults to Always for :latest). A digest (@sha256:…) pins the exact image and is always accepted.',
    fix: 'Use a release tag (nginx:1.27.3) or, better, a digest (nginx@sha256:…). Teams that also treat other tags as moving (main, stable) list them in the floatingTags option.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx\n  - name: proxy\n    image: envoyproxy/envoy:latest\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27.3\n  - name: proxy\n    image: envoyproxy/envoy@sha256:0c1f0e0c1d5b6ef5f5a4a3f8b2b6c1b5e2ab4a1d0b0c9e8f7a6b5c4d3e2f1a0b\n',
  },
  messages: {
    noTag: '{{container}} uses image "{{image}}" without a tag, which means :latest: the image it runs changes whenever someone pushes',
    floatingTag: '{{container}} uses image "{{image}}": the tag "{{tag}}" moves with every push, so it does not pin what runs',
  },
  options: {
    type: 'object',
    properties: {
      floatingTags: { type: 'array', items: { type: 'string' }, description: 'Tags that move and so pin nothing (compared without case).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { floatingTags: ['latest'] },
  check({ objects, report, options }) {
    const floating = new Set(options.floatingTags.map((t) => t.toLowerCase()));
    for (const ref of workloadContainers(objects)) {
      const image = ref.container.image;
      if (typeof image !== 'string' || image.trim() === '' || isTemplatedImage(image)) continue;
      const parsed = parseImageRef(image);
      if (parsed.digest !== undefined) continue;
      const path = `${ref.path}.image`;
      if (parsed.tag === undefined) {
        report(ref.object, path, 'noTag', { container: describeContainer(ref), image });
      } else if (floating.has(parsed.tag.toLowerCase())) {
        report(ref.object, path, 'floatingTag', { container: describeContainer(ref), image, tag: parsed.tag });
      }
    }
  },
});
