import path from 'node:path';
import { lineCounterOf } from './locate.js';
import type { LoadProblem } from './problems.js';

/** Go-template actions as Helm charts write them: `{{ .Values.x }}`, `{{- include "x" . }}`, `{{ if … }}`. */
const TEMPLATE_ACTION = /\{\{-?\s*(?:[.$]|\/\*|(?:include|template|if|else|end|range|with|define|block|toYaml|tpl|required|default|printf|quote)\b)/;

const KUSTOMIZATION_FILES = new Set(['kustomization.yaml', 'kustomization.yml', 'kustomization']);

/**
 * Files that are not manifests yet: an unrendered Helm template, or a kustomization. Each becomes
 * one finding that says what to lint instead, and the file is not parsed.
 */
export function detectUnrenderedSource(file: string, text: string): LoadProblem | undefined {
  if (KUSTOMIZATION_FILES.has(path.basename(file).toLowerCase())) {
    return {
      kind: 'kustomization', file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      message: 'kustomization file skipped: it describes how to build manifests, not objects; lint the output of "kustomize build <dir>" (e.g. kustomize build . | kubeknit lint -)',
    };
  }
  const match = TEMPLATE_ACTION.exec(text);
  if (match) {
    const { line, col: column } = lineCounterOf(text).linePos(match.index);
    return {
      kind: 'helm-template', file,
      range: { start: { line, column }, end: { line, column: column + match[0].length } },
      message: 'this is an unrendered Helm/Go template ("{{ … }}"), not a manifest; render it first, e.g. helm template <chart> | kubeknit lint -',
    };
  }
  return undefined;
}
