import { describe, expect, it } from 'vitest';
import { pathAtOffset } from '../../src/lsp/path-at-offset.js';
import { gitignoreToGlobs, relativeMatcher } from '../../src/lsp/gitignore.js';

const TEXT = `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: app
          env:
            - name: X
              valueFrom:
                configMapKeyRef: {name: settings, key: x}
`;

const at = (needle: string, shift = 0) => pathAtOffset(TEXT, TEXT.indexOf(needle) + shift);

describe('pathAtOffset', () => {
  it('finds the document and the field path of a value under the cursor', () => {
    expect(at('settings', 3)).toEqual({
      documentIndex: 1, onKey: false, value: 'settings',
      path: ['spec', 'template', 'spec', 'containers', 0, 'env', 0, 'valueFrom', 'configMapKeyRef', 'name'],
    });
    expect(at('name: a', 7)).toMatchObject({ documentIndex: 0, path: ['metadata', 'name'], value: 'a' });
  });

  it('tells a key from its value', () => {
    expect(at('containers')).toMatchObject({ documentIndex: 1, path: ['spec', 'template', 'spec', 'containers'], onKey: true });
    expect(at('- name: app', 2)).toMatchObject({ path: ['spec', 'template', 'spec', 'containers', 0, 'name'], onKey: true });
  });

  it('still resolves what it can in a broken file', () => {
    expect(pathAtOffset('kind: Service\nspec:\n  selector: {app: [web\n', 8)).toMatchObject({ documentIndex: 0, path: ['kind'], value: 'Service' });
  });
});

describe('gitignoreToGlobs', () => {
  const ignored = relativeMatcher(gitignoreToGlobs('# comment\n\nbuild/\n/rendered\n*.tmp.yaml\n!keep.tmp.yaml\ncharts/out\n'));

  it('matches floating names at any depth and anchored paths at the root only', () => {
    expect(ignored('build/a.yaml')).toBe(true);
    expect(ignored('apps/build/a.yaml')).toBe(true);
    expect(ignored('rendered/all.yaml')).toBe(true);
    expect(ignored('apps/rendered/all.yaml')).toBe(false);
    expect(ignored('x/y.tmp.yaml')).toBe(true);
    expect(ignored('charts/out/a.yaml')).toBe(true);
    expect(ignored('apps/charts/out/a.yaml')).toBe(false);
    expect(ignored('apps/web.yaml')).toBe(false);
  });
});
