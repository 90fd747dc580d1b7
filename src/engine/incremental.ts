import { ObjectSet } from '../load/object-set.js';
import type { Finding, K8sObject } from '../types.js';
import { runRules, type ActiveRule, type RunInput } from './run.js';

const CRD = 'CustomResourceDefinition';

interface KeptRun {
  /** The analysis that last brought these findings up to date. */
  analysis: number;
  /** The CRDs the kept findings were made with (object-and-crds rules). */
  crds: readonly K8sObject[];
  /** Findings by object; objects without findings are absent. */
  byObject: Map<K8sObject, Finding[]>;
}

/**
 * Findings of object-local rules (see `RuleDefinition.locality`), kept per rule variant and per
 * object between analyses of the language server. An unchanged file keeps its parsed objects, so
 * only the objects of edited files (new instances) are checked again. The rule plan and the schema
 * settings are kept too, while what they are made from stays the same.
 */
export class LocalFindings {
  private readonly runs = new Map<string, KeptRun>();
  private analysis = 0;
  private objects: ReadonlySet<K8sObject> = new Set();
  /** Objects of this analysis that the previous one did not have. */
  private fresh: readonly K8sObject[] = [];
  /** Objects of the previous analysis that this one does not have. */
  private gone: readonly K8sObject[] = [];
  private readonly reused = new Map<string, { inputs: readonly unknown[]; value: unknown }>();

  /**
   * What the previous analysis made in this slot (the rule plan, the schema settings) when
   * everything it was made from is the same (by identity); otherwise makes it afresh.
   */
  reuse<T>(slot: string, inputs: readonly unknown[], make: () => T): T {
    const last = this.reused.get(slot);
    if (last && sameObjects(last.inputs, inputs)) return last.value as T;
    const value = make();
    this.reused.set(slot, { inputs, value });
    return value;
  }

  /** Starts an analysis of these objects (an ObjectSet's first definitions). */
  begin(objects: readonly K8sObject[]): void {
    const previous = this.objects;
    const current = new Set(objects);
    this.fresh = objects.filter((obj) => !previous.has(obj));
    this.gone = previous.size + this.fresh.length === current.size ? [] : [...previous].filter((obj) => !current.has(obj));
    this.objects = current;
    this.analysis++;
  }

  /** Runs one object-local rule on the objects it has no findings for yet, and returns its findings on every object. */
  run(active: ActiveRule, input: Omit<RunInput, 'rules'>): Finding[] {
    const { rule } = active;
    const { kubernetesVersion, schemaLocations, ignoreMissingSchemas } = input.settings ?? {};
    const key = JSON.stringify([rule.id, active.severity, active.options, kubernetesVersion ?? null, schemaLocations ?? [], ignoreMissingSchemas ?? false]);
    const withCrds = rule.locality === 'object-and-crds';
    const crds = withCrds ? input.objects.ofKind(CRD) : [];
    let kept = this.runs.get(key);
    let check: readonly K8sObject[];
    if (!kept || kept.analysis !== this.analysis - 1 || !sameObjects(kept.crds, crds)) {
      this.runs.set(key, (kept = { analysis: this.analysis, crds, byObject: new Map() }));
      check = input.objects.all;
    } else {
      kept.analysis = this.analysis;
      for (const obj of this.gone) kept.byObject.delete(obj);
      // An object-and-crds rule needs every CRD to build its schemas, so it checks them all again.
      check = withCrds ? [...new Set([...this.fresh, ...crds])] : this.fresh;
      for (const obj of check) kept.byObject.delete(obj);
    }
    if (check.length) {
      const byObject = kept.byObject;
      const checked = new Set(check);
      const onReport = (finding: Finding, obj: K8sObject): void => {
        if (!checked.has(obj)) return;
        const list = byObject.get(obj);
        if (list) list.push(finding);
        else byObject.set(obj, [finding]);
      };
      runRules({ ...input, objects: check === input.objects.all ? input.objects : new ObjectSet(check), rules: [active], onReport });
    }
    return [...kept.byObject.values()].flat();
  }
}

function sameObjects(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((obj, i) => obj === b[i]);
}
