import { describe, expect, it } from 'vitest';
import { isTemplatedImage, parseImageRef } from '../../src/k8s/image.js';

describe('parseImageRef', () => {
  it.each([
    ['nginx', { registry: 'docker.io', explicitRegistry: false, repository: 'nginx' }],
    ['nginx:1.27', { registry: 'docker.io', repository: 'nginx', tag: '1.27' }],
    ['bitnami/redis:7.2', { registry: 'docker.io', explicitRegistry: false, repository: 'bitnami/redis', tag: '7.2' }],
    ['ghcr.io/acme/tool:v2', { registry: 'ghcr.io', explicitRegistry: true, repository: 'acme/tool', tag: 'v2' }],
    ['localhost/app', { registry: 'localhost', explicitRegistry: true, repository: 'app' }],
    ['registry.local:5000/team/app', { registry: 'registry.local:5000', repository: 'team/app' }],
    ['registry.local:5000/team/app:1.0', { registry: 'registry.local:5000', repository: 'team/app', tag: '1.0' }],
    ['nginx@sha256:abc', { repository: 'nginx', digest: 'sha256:abc' }],
    ['nginx:1.27@sha256:abc', { repository: 'nginx', tag: '1.27', digest: 'sha256:abc' }],
  ])('reads %s', (image, expected) => {
    expect(parseImageRef(image)).toMatchObject(expected);
  });

  it('has no tag when the only colon belongs to the registry port', () => {
    expect(parseImageRef('registry.local:5000/app').tag).toBeUndefined();
  });
});

describe('isTemplatedImage', () => {
  it.each(['$(IMAGE)', '${REGISTRY}/app:1', '{{ .Values.image }}'])('%s is a placeholder', (image) => {
    expect(isTemplatedImage(image)).toBe(true);
  });
  it('a plain reference is not', () => {
    expect(isTemplatedImage('nginx:1.27')).toBe(false);
  });
});
