import { defineRule, describeContainer, parseImageRef, workloadContainers } from '../src/rule-api.js';

export default defineRule({
  id: 'image-pull-policy',
  family: 'hygiene',
  severity: 'warning',
  presets: ['recommended'],
  description: 'A container pulls by digest with imagePullPolicy: Always, or never pulls (Never)',
  messages: {
    alwaysWithDigest: '{{container}} pins image "{{image}}" by digest and sets imagePullPolicy: Always, so every start asks the registry for an image that cannot change',
    never: '{{container}} sets imagePullPolicy: Never, so it starts only on nodes where image "{{image}}" is already present',
  },
  docs: {
    why: 'An image pinned by digest cannot change, so `Always` only adds a registry round trip to every start and makes starts fail while the registry is down. `Never` makes the Pod depend on images pre-loaded on the node: on any other node it fails with ErrImageNeverPull.',
    fix: 'Use `IfNotPresent` (the default for tagged and digest images) for digest-pinned images, and pull from a registry instead of `Never`.',
    bad: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.0\n    imagePullPolicy: Never\n',
    good: 'apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n  - name: app\n    image: registry.example.com/app:1.0\n    imagePullPolicy: IfNotPresent\n',
  },
  check({ objects, report }) {
    for (const ref of workloadContainers(objects, ['initContainers', 'containers'])) {
      const policy = ref.container.imagePullPolicy;
      const image = typeof ref.container.image === 'string' ? ref.container.image : '';
      const path = `${ref.path}.imagePullPolicy`;
      if (policy === 'Never') report(ref.object, path, 'never', { container: describeContainer(ref), image });
      else if (policy === 'Always' && parseImageRef(image)?.digest) report(ref.object, path, 'alwaysWithDigest', { container: describeContainer(ref), image });
    }
  },
});
