import type { Reporter } from './types.js';

/** The JSON report (version 1). Other tools parse it: keep the shape. */
export const json: Reporter = ({ findings, summary, unusedBaseline }) => {
  const report = {
    version: 1,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      // The rule's message id and the values that fill its template (absent on internal errors).
      ...(f.messageId ? { messageId: f.messageId, data: { ...f.data } } : {}),
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      object: f.object ? { apiVersion: f.object.apiVersion, kind: f.object.kind, namespace: f.object.namespace, name: f.object.name } : null,
      // Only on findings about rendered objects (kustomize, Helm): file/line are already mapped to the source.
      ...(f.rendered ? { rendered: { ...f.rendered } } : {}),
    })),
    summary: {
      files: summary.files, objects: summary.objects, errors: summary.errors, warnings: summary.warnings, infos: summary.infos,
      // Present only with --baseline / --changed-since (see docs/pull-requests.md).
      ...(summary.baselined !== undefined ? { baselined: summary.baselined } : {}),
      ...(summary.unchanged !== undefined ? { unchanged: summary.unchanged } : {}),
    },
    ...(unusedBaseline ? { unusedBaseline: unusedBaseline.map((e) => ({ ruleId: e.ruleId, object: e.object, path: e.path, message: e.message, count: e.count, fingerprint: e.fingerprint })) } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
