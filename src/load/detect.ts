import path from 'node:path';
import { isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import type { LoadProblem } from './problems.js';

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
 * Undefined when no document is unrendered.
 */
export function detectUnrenderedDocuments(file: string, text: string): UnrenderedDocuments | undefined {
  if (text.search(TEMPLATE_ACTION) < 0) return undefined;
  const problems: LoadProblem[] = [];
  let rest = text;
  let start = 0;
  for (const doc of parseAllDocuments(text, { logLevel: 'silent', uniqueKeys: false })) {
    const end = doc.range[2];
    const action = structuralAction(doc, text, start, end);
    if (action !== undefined) {
      problems.push({ kind: 'helm-template', file, range: rangeAt(text, action.index, action.length), message: UNRENDERED_MESSAGE });
      rest = rest.slice(0, start) + blank(text.slice(start, end)) + rest.slice(end);
    }
    start = end;
  }
  return problems.length ? { problems, rest } : undefined;
}

/** The first template action of a document that is not data, if any. */
function structuralAction(doc: Document.Parsed, text: string, start: number, end: number): { index: number; length: number } | undefined {
  const span = text.slice(start, end);
  const actions = [...span.matchAll(TEMPLATE_ACTION)].map((m) => ({ index: start + m.index, length: m[0].length }));
  if (!actions.length) return undefined;
  if (doc.errors.length) return actions[0];
  const values = stringValueRanges(doc);
  return actions.find((a) => HELM_ONLY_ACTION.test(text.slice(a.index, a.index + 40)) || (!values.some(([from, to]) => a.index >= from && a.index < to) && !inComment(text, a.index)));
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
