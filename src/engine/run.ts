import type { KnitGraph } from '../graph/graph.js';
import { normalizeFieldPath } from '../load/field-path.js';
import { ObjectSet } from '../load/object-set.js';
import type { LoadProblem } from '../load/problems.js';
import { objectRef, type Finding, type K8sObject, type Range, type RelatedLocation, type RenderedBy, type Severity } from '../types.js';
import { messageText, type MessageData, type ReportExtra, type Rule, type RuleContext, type RunSettings } from './rule.js';
import { compareFindings } from './sort.js';

/** A rule switched on for this run, with its severity and options resolved. */
export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface RunInput {
  objects: ObjectSet;
  graph: KnitGraph;
  problems: readonly LoadProblem[];
  rules: readonly ActiveRule[];
  settings?: RunSettings;
  /** Collects field locations to resolve later, all together (runPlan passes one for all its runs). */
  locations?: PendingLocations;
  /** Told of each finding `report()` makes, with the object it is on. */
  onReport?: (finding: Finding, object: K8sObject) => void;
}

type FieldPathOf = Parameters<K8sObject['source']['locate']>[0];

/**
 * Findings whose line and column are still to be worked out from a field path. Resolving them
 * together, document by document, re-parses each document once however many rules report on it.
 */
export class PendingLocations {
  private readonly pending: Array<{ finding: Finding; object: K8sObject; path: FieldPathOf }> = [];

  add(finding: Finding, object: K8sObject, path: FieldPathOf): void {
    this.pending.push({ finding, object, path });
  }

  /** How many are pending, to `forgetFrom` later. */
  get mark(): number {
    return this.pending.length;
  }

  /** Forgets what was added since `mark` (a failed rule attempt's findings). */
  forgetFrom(mark: number): void {
    this.pending.length = mark;
  }

  resolve(): void {
    const bySource = this.pending.sort((a, b) => cmpText(a.object.source.file, b.object.source.file) || a.object.source.documentIndex - b.object.source.documentIndex);
    for (const { finding, object, path } of bySource) {
      const place = object.source.locateSource?.(path);
      const range = place ? place.range : object.source.locate(path);
      if (place) finding.file = place.file;
      finding.line = range.start.line;
      finding.column = range.start.column;
      finding.endLine = range.end.line;
      finding.endColumn = range.end.column;
    }
    this.pending.length = 0;
  }
}

function cmpText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rule id of findings that say a rule failed on an object (the run goes on; the CLI exits 2). */
export const INTERNAL_ERROR_RULE = 'internal-error';

/** Runs every active rule over the whole run and returns findings in a stable order. */
export function runRules(input: RunInput): Finding[] {
  const findings: Finding[] = [];
  const locations = input.locations ?? new PendingLocations();
  for (const active of input.rules) {
    const before = findings.length;
    const mark = locations.mark;
    const context = createContext({ ...input, locations }, active, findings);
    try {
      active.rule.check(context);
    } catch (err) {
      findings.length = before; // the failed attempt's findings are redone below, without the objects it fails on
      locations.forgetFrom(mark);
      findings.push(...isolateFailure({ ...input, locations }, active, err));
    }
  }
  if (!input.locations) locations.resolve();
  return findings.sort(compareFindings);
}

/**
 * A rule threw. Finds the objects it throws on when it checks them alone, reports each as an
 * `internal-error` finding, and runs the rule again on the other objects. A rule that still
 * throws gives one more `internal-error` finding and keeps what it reported before throwing.
 */
function isolateFailure(input: RunInput & { locations: PendingLocations }, active: ActiveRule, first: unknown): Finding[] {
  const out: Finding[] = [];
  const failsOn = (objects: K8sObject[]): unknown => {
    try {
      active.rule.check(createContext({ ...input, objects: new ObjectSet(objects), problems: [], locations: new PendingLocations() }, active, []));
      return undefined;
    } catch (err) {
      return err ?? new Error('undefined thrown');
    }
  };
  const failing = new Map<K8sObject, unknown>();
  if (failsOn([]) === undefined) {
    for (const object of input.objects.all) {
      const err = failsOn([object]);
      if (err !== undefined) failing.set(object, err);
    }
  }
  for (const [object, err] of failing) out.push(internalError(active, err, object));
  const rest = failing.size ? new ObjectSet(input.objects.all.filter((o) => !failing.has(o))) : input.objects;
  try {
    active.rule.check(createContext({ ...input, objects: rest }, active, out));
  } catch (err) {
    out.push(internalError(active, failing.size ? err : first, undefined, input.objects.all[0]?.source.file ?? input.problems[0]?.file));
  }
  return out;
}

/** An edge builder that failed: its relationships are missing from the graph, so findings may be too. */
export function graphFailureFinding(failure: { builder: string; error: string }, file: string): Finding {
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: `the graph's ${failure.builder} failed: ${failure.error.split('\n')[0]} (a kubeknit bug: please report it; its relationships are missing, the rules ran)`,
    file, line: 1, column: 1, endLine: 1, endColumn: 1, object: null,
    data: { builder: failure.builder },
  };
}

function internalError(active: ActiveRule, err: unknown, object: K8sObject | undefined, file = object?.source.file ?? '<input>'): Finding {
  const reason = err instanceof Error ? err.message : String(err);
  const range = object?.source.range ?? UNRESOLVED;
  return {
    ruleId: INTERNAL_ERROR_RULE,
    severity: 'error',
    message: `rule ${active.rule.id} failed${object ? ` on ${object.kind} "${object.name}"` : ''}: ${reason.split('\n')[0]} (a kubeknit bug: please report it; the other rules ran)`,
    file,
    line: range.start.line || 1,
    column: range.start.column || 1,
    endLine: range.end.line || 1,
    endColumn: range.end.column || 1,
    object: object ? objectRef(object) : null,
    data: { rule: active.rule.id },
  };
}

function createContext(input: RunInput & { locations: PendingLocations }, active: ActiveRule, sink: Finding[]): RuleContext {
  const { rule } = active;
  const emit = (file: string, range: Range, message: string, data: MessageData | undefined, object: Finding['object'], path: string | undefined, extra?: ReportExtra, rendered?: RenderedBy): Finding => {
    const { text, messageId } = messageText(rule, message, data);
    const finding: Finding = {
      ruleId: rule.id,
      severity: extra?.severity ?? active.severity,
      message: text,
      file,
      line: range.start.line,
      column: range.start.column,
      endLine: range.end.line,
      endColumn: range.end.column,
      object,
    };
    if (path !== undefined) finding.path = path;
    if (rendered) finding.rendered = rendered;
    if (messageId !== undefined) {
      finding.messageId = messageId;
      if (data) finding.data = { ...data };
    }
    const related = extra?.related?.map(toRelatedLocation);
    if (related?.length) finding.related = related;
    sink.push(finding);
    return finding;
  };
  return {
    objects: input.objects,
    graph: input.graph,
    problems: input.problems,
    options: active.options,
    settings: input.settings ?? {},
    report(object, path, message, data, extra) {
      const finding = emit(object.source.file, UNRESOLVED, message, data, objectRef(object), normalizeFieldPath(path), extra, object.source.rendered);
      // Rendered objects (kustomize, helm) stand for text in no file a fix could edit.
      if (extra?.fix && !object.source.rendered) finding.fix = { ...extra.fix, objectStart: object.source.range.start, itemIndex: object.source.itemIndex };
      input.locations.add(finding, object, path);
      input.onReport?.(finding, object);
    },
    reportAt(location, message, data, extra) {
      emit(location.file, location.range, message, data, location.object ?? null, undefined, extra);
    },
  };
}

const UNRESOLVED: Range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };

function toRelatedLocation(related: { object: K8sObject; path?: Parameters<K8sObject['source']['locate']>[0]; message: string }): RelatedLocation {
  const source = related.object.source;
  const place = related.path !== undefined ? (source.locateSource?.(related.path) ?? { file: source.file, range: source.locate(related.path) }) : source;
  const range = place.range;
  return { file: place.file, line: range.start.line, column: range.start.column, message: related.message };
}
