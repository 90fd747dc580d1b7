import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, RULES } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('examples/shop with every rule on (preset all)', async () => {
  const result = await lint([path.join(REPO_ROOT, 'examples')], { preset: 'all' });
  const families = new Set(['ports', 'volumes']);
  const familyOf = new Map(RULES.map((r) => [r.id, r.family]));

  it('ports and volumes rules report only the deliberate mistakes', () => {
    const ours = result.findings.filter((f) => families.has(familyOf.get(f.ruleId) ?? ''));
    expect(ours.map((f) => `${f.ruleId} ${f.object?.name}`).sort()).toEqual(['duplicate-container-port web', 'volume-mount-missing-volume db']);
  });

  it('the uploads claim binds its static volume and, with storageClassName "", provisions from no class', () => {
    const edges = result.graph.edges().filter((e) => e.type === 'binds' || e.type === 'provisions').map((e) => `${e.from} ${e.type} ${e.to}`);
    expect(edges).toContain('PersistentVolumeClaim/shop/uploads binds PersistentVolume/uploads');
    expect(edges.filter((e) => e.startsWith('PersistentVolumeClaim/shop/uploads '))).toHaveLength(1);
    // The database's claim template (an implied claim node, where the graph has one) uses fast-ssd.
    for (const e of edges.filter((edge) => edge.includes(' provisions '))) expect(e).toMatch(/#PersistentVolumeClaim\/data provisions StorageClass\/fast-ssd$/);
  });
});
