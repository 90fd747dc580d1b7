import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Workspace } from '../../src/lsp/workspace.js';

it('an editor buffer is loaded as kubeknit lint loads a file: a Helm template is one unrendered-template finding', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kubeknit-ws-'));
  const workspace = new Workspace();
  workspace.addRoot(dir);
  const file = path.join(dir, 'deploy.yaml');
  workspace.setText(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n');
  const findings = workspace.analyze().byFile.get(file) ?? [];
  expect(findings.map((f) => `${f.ruleId}@${f.line}`)).toEqual(['unrendered-template@4']);
});
