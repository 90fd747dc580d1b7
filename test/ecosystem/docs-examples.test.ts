import { describe, expect, it } from 'vitest';
import { findRule } from '../../src/index.js';
import { runRule } from '../helpers/rule-tester.js';

/** The rules of issue 21: each one's docs `bad` example must trigger it and `good` must not. */
const RULE_IDS = [
  'dangling-route-backend', 'dangling-route-parent', 'missing-reference-grant',
  'dangling-servicemonitor-selector', 'servicemonitor-port-mismatch', 'dangling-podmonitor-selector',
  'dangling-issuer-ref', 'dangling-virtualservice-destination', 'dangling-virtualservice-gateway', 'dangling-destination-subset',
  'dangling-rollout-reference', 'missing-seccomp-profile', 'host-path-volume', 'host-port', 'apparmor-profile', 'selinux-options',
  'restricted-volume-types', 'exposed-service', 'missing-ephemeral-storage-limits', 'image-pull-policy',
];

describe('docs examples of the ecosystem and Pod Security rules', () => {
  for (const id of RULE_IDS) {
    it(`${id}: bad fails, good passes`, async () => {
      const rule = findRule(id)!;
      expect(rule.docs.bad && rule.docs.good).toBeTruthy();
      expect((await runRule(id, rule.docs.bad!)).length, 'bad').toBeGreaterThan(0);
      expect(await runRule(id, rule.docs.good!), 'good').toEqual([]);
    });
  }
});
