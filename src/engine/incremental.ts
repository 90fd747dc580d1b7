import { ObjectSet } from '../load/object-set.js';
import type { Finding, K8sObject } from '../types.js';
import { runRules, type ActiveRule, type RunInput } from './run.js';

const CRD = 'CustomResourceDefinition';

interface KeptRun {
  /** The CRDs the kept findings were made with (object-and-crds rules). */
  crds: readonly K8sObject[];
  byObject: WeakMap<K8sObject, Finding[]>;
}

/**
 * Findings of object-local rules (see `RuleDefinition.locality`), kept per rule variant and per
 * object between analyses of the language server. An unchanged file keeps its parsed objects, so
 * only the objects of edited files (new instances) are checked again.
 */
export class LocalFindings {
  private readonly runs = new Map<string, KeptRun>();

  /** Runs one object-local rule, on the objects it has no kept findings for, and returns its findings on every object. */
  run(active: ActiveRule, input: Omit<RunInput, 'rules'>): Finding[] {
    const { rule } = active;
    const { kubernetesVersion, schemaLocations, ignoreMissingSchemas } = input.settings ?? {};
    const key = JSON.stringify([rule.id, active.severity, active.options, kubernetesVersion ?? null, schemaLocations ?? [], ignoreMissingSchemas ?? false]);
    const withCrds = rule.locality === 'object-and-crds';
    const crds = withCrds ? input.objects.ofKind(CRD) : [];
    let kept = this.runs.get(key);
    if (!kept || !sameObjects(kept.crds, crds)) this.runs.set(key, (kept = { crds, byObject: new WeakMap() }));
    const byObject = kept.byObject;
    // CRDs are always checked again: an object-and-crds rule needs them all to build its schemas.
    const fresh = input.objects.all.filter((obj) => !byObject.has(obj) || (withCrds && obj.kind === CRD));
    if (fresh.length) {
      const found = new Map<K8sObject, Finding[]>(fresh.map((obj) => [obj, []]));
      runRules({ ...input, objects: new ObjectSet(fresh), rules: [active], onReport: (finding, obj) => found.get(obj)?.push(finding) });
      for (const [obj, list] of found) byObject.set(obj, list);
    }
    const findings: Finding[] = [];
    for (const obj of input.objects.all) for (const finding of byObject.get(obj) ?? []) findings.push(finding);
    return findings;
  }
}

function sameObjects(a: readonly K8sObject[], b: readonly K8sObject[]): boolean {
  return a.length === b.length && a.every((obj, i) => obj === b[i]);
}
