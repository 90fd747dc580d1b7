import { objectLocator } from '../load/object-at.js';
import type { Finding, K8sObject, Range, Severity } from '../types.js';
import { objectRef } from '../types.js';
import { parseDirectives, type Directive } from './directives.js';
import { messageText } from './rule.js';
import { compareFindings } from './sort.js';

export const IGNORE_ANNOTATION = 'kubeknit.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'kubeknit.io/ignore-reason';
export const UNUSED_DIRECTIVE_RULE = 'unused-disable-directive';

/** The messages of `unused-disable-directive`, which this stage reports (the rule spreads them into its own). */
export const UNUSED_DIRECTIVE_MESSAGES = {
  unused: 'unused {{directive}}: it silenced no finding; remove it (or the rule id)',
  unusedForRule: 'unused {{directive}}: it silenced no "{{rule}}" finding; remove it (or the rule id)',
} as const;

/** A finding an annotation or a comment silenced, and why. */
export interface Suppression {
  finding: Finding;
  by: 'annotation' | 'comment';
  reason?: string;
}

export interface SuppressInput {
  findings: readonly Finding[];
  objects: readonly K8sObject[];
  /** File texts, for `# kubeknit-…` comments. */
  texts: ReadonlyMap<string, string>;
  /** The severity of `unused-disable-directive` in a file; `off` reports no unused directive there. */
  unusedSeverity(file: string): Severity | 'off';
}

export interface SuppressResult {
  findings: Finding[];
  suppressed: Suppression[];
}

/** `*` stands for every rule. */
const ALL = '*';

interface Silencer {
  /** The rule id it names, or `*`. */
  ruleId: string;
  reason?: string;
  used: boolean;
  /** Where an unused one is reported. */
  report: { file: string; range: Range; object: K8sObject | null; what: string };
}

interface CommentScope extends Silencer {
  fromLine: number;
  /** Exclusive. */
  toLine: number;
}

/**
 * The stage after the rules: drops findings silenced by a `kubeknit.io/ignore` annotation or a
 * `# kubeknit-disable…` comment, and reports the silencers that silenced nothing.
 */
export function applySuppressions(input: SuppressInput): SuppressResult {
  const objectAt = objectLocator(input.objects);
  const annotations = new Map<K8sObject, Silencer[]>();
  const comments = new Map<string, CommentScope[]>();
  const kept: Finding[] = [];
  const suppressed: Suppression[] = [];
  for (const finding of input.findings) {
    if (finding.ruleId === UNUSED_DIRECTIVE_RULE) {
      kept.push(finding);
      continue;
    }
    const obj = objectAt(finding.file, finding.line, finding.column);
    const byAnnotation = obj ? matching(annotationSilencers(obj, annotations), finding.ruleId) : undefined;
    if (byAnnotation) {
      suppressed.push({ finding, by: 'annotation', reason: byAnnotation.reason });
      continue;
    }
    const scopes = commentScopes(finding.file, input.texts, comments);
    const byComment = matching(scopes.filter((s) => s.fromLine <= finding.line && finding.line < s.toLine), finding.ruleId);
    if (byComment) suppressed.push({ finding, by: 'comment', reason: byComment.reason });
    else kept.push(finding);
  }
  // silencers in files without findings are unused too: collect them where the rule is on
  for (const file of input.texts.keys()) if (input.unusedSeverity(file) !== 'off') commentScopes(file, input.texts, comments);
  for (const obj of input.objects) if (input.unusedSeverity(obj.source.file) !== 'off') annotationSilencers(obj, annotations);
  kept.push(...unusedFindings(input, [...[...annotations.values()].flat(), ...[...comments.values()].flat()]));
  return { findings: kept.sort(compareFindings), suppressed };
}

/** Marks every silencer that covers the rule as used; returns the first. */
function matching<T extends Silencer>(silencers: readonly T[], ruleId: string): T | undefined {
  let first: T | undefined;
  for (const s of silencers) {
    if (s.ruleId !== ALL && s.ruleId !== ruleId) continue;
    s.used = true;
    first ??= s;
  }
  return first;
}

function annotationSilencers(obj: K8sObject, cache: Map<K8sObject, Silencer[]>): Silencer[] {
  let silencers = cache.get(obj);
  if (silencers) return silencers;
  const value = obj.annotations[IGNORE_ANNOTATION];
  const reason = obj.annotations[IGNORE_REASON_ANNOTATION];
  const path = ['metadata', 'annotations', IGNORE_ANNOTATION];
  silencers = (value ?? '').split(',').map((id) => id.trim()).filter(Boolean).map((ruleId) => ({
    ruleId, reason, used: false,
    report: { file: obj.source.file, range: obj.source.locate(path), object: obj, what: `annotation ${IGNORE_ANNOTATION}` },
  }));
  cache.set(obj, silencers);
  return silencers;
}

function commentScopes(file: string, texts: ReadonlyMap<string, string>, cache: Map<string, CommentScope[]>): CommentScope[] {
  let scopes = cache.get(file);
  if (!scopes) cache.set(file, (scopes = directivesToScopes(file, parseDirectives(texts.get(file) ?? ''))));
  return scopes;
}

/** Each directive becomes the line ranges it silences, one per rule id it names. */
function directivesToScopes(file: string, directives: readonly Directive[]): CommentScope[] {
  const scopes: CommentScope[] = [];
  const open = new Map<string, CommentScope>();
  const scope = (d: Directive, ruleId: string, fromLine: number, toLine: number): CommentScope => ({
    ruleId, reason: d.reason, used: false, fromLine, toLine,
    report: { file, range: d.range, object: null, what: `kubeknit-${d.kind} comment` },
  });
  const ids = (d: Directive) => (d.ruleIds.length ? d.ruleIds : [ALL]);
  for (const d of directives) {
    const line = d.range.start.line;
    if (d.kind === 'disable-file') for (const id of ids(d)) scopes.push(scope(d, id, 1, Infinity));
    else if (d.kind === 'disable-next-line') for (const id of ids(d)) scopes.push(scope(d, id, line + 1, line + 2));
    else if (d.kind === 'disable') {
      for (const id of ids(d)) if (!open.has(id)) open.set(id, scope(d, id, line, Infinity));
    } else {
      // a bare enable ends every range; an enable with ids ends the ranges of those ids
      for (const [id, s] of open) {
        if (d.ruleIds.length && !d.ruleIds.includes(id)) continue;
        scopes.push({ ...s, toLine: line });
        open.delete(id);
      }
    }
  }
  scopes.push(...open.values());
  return scopes;
}

function unusedFindings(input: SuppressInput, silencers: readonly Silencer[]): Finding[] {
  const out: Finding[] = [];
  for (const s of silencers) {
    if (s.used) continue;
    const severity = input.unusedSeverity(s.report.file);
    if (severity === 'off') continue;
    const [messageId, data] = s.ruleId === ALL ? ['unused', { directive: s.report.what }] as const : ['unusedForRule', { directive: s.report.what, rule: s.ruleId }] as const;
    const { range } = s.report;
    out.push({
      ruleId: UNUSED_DIRECTIVE_RULE, severity, file: s.report.file,
      message: messageText({ messages: UNUSED_DIRECTIVE_MESSAGES }, messageId, data).text, messageId, data: { ...data },
      line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column,
      object: s.report.object ? objectRef(s.report.object) : null,
    });
  }
  return out;
}
