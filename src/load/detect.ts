import path from 'node:path';
import { isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import type { LoadProblem } from './problems.js';
import { counted } from './parse-count.js';

/** Go-template actions as Helm charts write them: `{{ .Values.x }}`, `{{- include "x" . }}`, `{{ if … }}`. */
const TEMPLATE_ACTION = /\{\{-?\s*(?:[.$]|\/\*|(?:include|template|if|else|end|range|with|define|block|toYaml|tpl|required|default|printf|quote)\b)/g;

/** Actions only a Helm chart writes: no rendered manifest holds them, even inside a string value. */
const HELM_ONLY_ACTION = /^\{\{-?\s*(?:\.(?:Values|Release|Chart|Capabilities|Files)\b|(?:include|toYaml|tpl|required)\b)/;

const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'kustomization']);

const UNRENDERED_MESSAGE = 'this is an unrendered Helm/Go template ("{{ … }}"), not a manifest; render it first, e.g. helm template <chart> | kubeknit lint -';

/** A kustomization describes how to build manifests: one finding that says what to lint instead. */
export function detectKustomization(file: string): LoadProblem | undefined {
  if (!KUSTOMIZATION_FILES.has(path.basename(file).toLowerCase())) return undefined;
  return {
    kind: 'kustomization', file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    message: 'kustomization file skipped: it describes how to build manifests, not objects; lint the output of "kustomize build <dir>" (e.g. kustomize build . | kubeknit lint -)',
  };
}

/** The documents of a text that are unrendered templates, and the text with them blanked out. */
export interface UnrenderedDocuments {
  problems: LoadProblem[];
  /** The text with each unrendered document replaced by blanks (same offsets and lines). */
  rest: string;
}

/**
 * Finds documents that are unrendered templates. Template text is data where it stands inside a
 * string value or a comment (PrometheusRule alert texts, Alertmanager templates, Vault agent
 * annotations); a document is unrendered only when it does not parse, or an action stands in a
 * structural position (a key, a flow collection, a line of its own), or it is a Helm-only action.
 * Undefined when no document is unrendered. This parses each document with template text on its
 * own: it is for a text whose one parse (`parseStream` with `templates`) cannot be checked as is.
 */
export function detectUnrenderedDocuments(file: string, text: string): UnrenderedDocuments | undefined {
  if (!hasTemplateAction(text)) return undefined;
  const problems: LoadProblem[] = [];
  let rest = text;
  for (const { start, end, doc, base } of documentsWithActions(text)) {
    const problem = unrenderedProblem(file, text, [start, end], doc, base);
    if (problem) {
      problems.push(problem);
      rest = rest.slice(0, start) + blank(text.slice(start, end)) + rest.slice(end);
    }
  }
  return problems.length ? { problems, rest } : undefined;
}

export function hasTemplateAction(text: string): boolean {
  return text.search(TEMPLATE_ACTION) >= 0;
}

/** How the template check reads a document: errors other than duplicate keys tell a template that does not parse. */
export const TEMPLATE_PARSE_OPTIONS = { logLevel: 'silent', uniqueKeys: false } as const;

/**
 * The finding for a document ([start, end) of the text, parsed with `TEMPLATE_PARSE_OPTIONS`, its
 * offsets counting from `base`) when it is an unrendered template; undefined when its template text is data.
 */
export function unrenderedProblem(file: string, text: string, [start, end]: readonly [number, number], doc: Document.Parsed, base: number): LoadProblem | undefined {
  const action = structuralAction(doc, base, text, start, end);
  return action && { kind: 'helm-template', file, range: rangeAt(text, action.index, action.length), message: UNRENDERED_MESSAGE };
}

const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * The documents of a text (without directives) as its marker lines split it, [start, end) each:
 * the check reads each document that holds template text on its own, by these bounds.
 */
export function markedDocuments(text: string): Array<readonly [number, number]> {
  const bounds = [0, ...[...text.matchAll(DOCUMENT_MARKER)].map((m) => m.index).filter((i) => i > 0), text.length];
  return bounds.slice(1).map((end, i) => [bounds[i], end] as const);
}

/** Whether a text has a `...` document end line (the template check and yaml split such a text differently). */
export function hasDocumentEndLine(text: string): boolean {
  return /^\.\.\.(?=[ \t\r\n]|$)/m.test(text);
}

/**
 * The documents of a text that hold a template action, each parsed on its own (the others are
 * parsed once, later): [start, end) and the parsed document, whose offsets count from `start`.
 * With directives (`%TAG`) a document cannot be parsed alone, so the whole text is.
 */
function documentsWithActions(text: string): ParsedSpan[] {
  const options = TEMPLATE_PARSE_OPTIONS;
  const out: ParsedSpan[] = [];
  if (/^%/m.test(text)) {
    let start = 0;
    for (const doc of parseAllDocuments(counted(text), options)) {
      out.push({ start, end: doc.range[2], doc, base: 0 });
      start = doc.range[2];
    }
    return out;
  }
  for (const [start, end] of markedDocuments(text)) {
    const span = text.slice(start, end);
    if (span.search(TEMPLATE_ACTION) < 0) continue;
    const docs = parseAllDocuments(counted(span), options);
    if (Array.isArray(docs) && docs.length === 1) out.push({ start, end, doc: docs[0], base: start });
  }
  return out;
}

/** A document of the text, [start, end), parsed from offset `base` (its node ranges count from there). */
interface ParsedSpan {
  start: number;
  end: number;
  doc: Document.Parsed;
  base: number;
}

/** A document of the text that holds template text: [start, end) of the text. */
export function holdsTemplateAction(text: string, [start, end]: readonly [number, number]): boolean {
  return hasTemplateAction(text.slice(start, end));
}

/** The first template action of a document that is not data, if any. */
function structuralAction(doc: Document.Parsed, base: number, text: string, start: number, end: number): { index: number; length: number } | undefined {
  const span = text.slice(start, end);
  const actions = [...span.matchAll(TEMPLATE_ACTION)].map((m) => ({ index: start + m.index, length: m[0].length }));
  if (!actions.length) return undefined;
  if (doc.errors.length) return actions[0];
  const values = stringValueRanges(doc);
  return actions.find((a) => HELM_ONLY_ACTION.test(text.slice(a.index, a.index + 40)) || (!values.some(([from, to]) => a.index >= from + base && a.index < to + base) && !inComment(text, a.index)));
}

/** Source ranges of the scalar values of a document (not keys): where template text is data. */
function stringValueRanges(doc: Document.Parsed): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.value) && pair.value.range) ranges.push([pair.value.range[0], pair.value.range[1]]);
    },
    Seq(_key, seq) {
      for (const item of seq.items) if (isScalar(item) && item.range) ranges.push([item.range[0], item.range[1]]);
    },
  });
  if (isScalar(doc.contents) && doc.contents.range) ranges.push([doc.contents.range[0], doc.contents.range[1]]);
  return ranges;
}

/** Whether a `#` comment starts before this offset on its line. */
function inComment(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /(?:^|\s)#/.test(before);
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

function rangeAt(text: string, offset: number, length: number): LoadProblem['range'] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { start: { line, column }, end: { line, column: column + length } };
}
