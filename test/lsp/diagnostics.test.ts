import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { toDiagnostic, RULE_DOCS_URL } from '../../src/lsp/diagnostics.js';
import type { Finding } from '../../src/index.js';

const finding: Finding = {
  ruleId: 'volume-mount-missing-volume', severity: 'warning', message: 'mounts volume "data", which the Pod does not define',
  file: '/repo/app.yaml', line: 12, column: 17, endLine: 12, endColumn: 21,
  object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
  path: 'spec.template.spec.containers[0].volumeMounts[0].name',
  related: [{ file: '/repo/claims.yaml', line: 3, column: 9, message: 'the PersistentVolumeClaim' }],
};

describe('toDiagnostic', () => {
  it('turns 1-based line/column into 0-based positions and keeps rule id, docs link and severity', () => {
    expect(toDiagnostic(finding)).toEqual({
      range: { start: { line: 11, character: 16 }, end: { line: 11, character: 20 } },
      severity: 2,
      code: 'volume-mount-missing-volume',
      codeDescription: { href: `${RULE_DOCS_URL}#volume-mount-missing-volume` },
      source: 'kubeknit',
      message: finding.message,
      data: { ruleId: 'volume-mount-missing-volume', path: finding.path },
      relatedInformation: [{
        location: { uri: pathToFileURL('/repo/claims.yaml').href, range: { start: { line: 2, character: 8 }, end: { line: 2, character: 8 } } },
        message: 'the PersistentVolumeClaim',
      }],
    });
  });

  it('maps info to Information and never makes an end before the start', () => {
    const d = toDiagnostic({ ...finding, severity: 'info', endLine: 11, endColumn: 1, related: undefined });
    expect(d.severity).toBe(3);
    expect(d.range.end).toEqual(d.range.start);
    expect(d.relatedInformation).toBeUndefined();
  });
});
