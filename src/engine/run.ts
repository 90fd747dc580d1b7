import type { KnitGraph } from '../graph/graph.js';
import { normalizeFieldPath } from '../load/field-path.js';
import type { ObjectSet } from '../load/object-set.js';
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

export class RuleError extends Error {
  override name = 'RuleError';
}

/** Runs every active rule over the whole run and returns findings in a stable order. */
export function runRules(input: RunInput): Finding[] {
  const findings: Finding[] = [];
  const locations = input.locations ?? new PendingLocations();
  for (const active of input.rules) {
    const context = createContext({ ...input, locations }, active, findings);
    try {
      active.rule.check(context);
    } catch (err) {
      throw new RuleError(`rule ${active.rule.id} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  }
  if (!input.locations) locations.resolve();
  return findings.sort(compareFindings);
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
