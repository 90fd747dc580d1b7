import { describe, expect, it } from 'vitest';
import { isBuiltInGroup } from '../../src/k8s/api-groups.js';

describe('isBuiltInGroup', () => {
  it('knows the groups the API server serves, read from served.json', () => {
    for (const group of ['', 'apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'flowcontrol.apiserver.k8s.io', 'storagemigration.k8s.io']) {
      expect(isBuiltInGroup(group), group).toBe(true);
    }
  });

  it('counts groups whose APIs were removed before the served table starts', () => {
    expect(isBuiltInGroup('extensions')).toBe(true);
  });

  it('does not count component configuration or CRD groups', () => {
    for (const group of ['kubelet.config.k8s.io', 'audit.k8s.io', 'kind.x-k8s.io', 'cert-manager.io', 'toString', '__proto__']) {
      expect(isBuiltInGroup(group), group).toBe(false);
    }
  });
});
