import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { fileUri, startLsp, type LspSession } from '../helpers/lsp-client.js';
import { tempTree } from '../helpers/temp.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolice: Always
      ports: [{containerPort: 53, protocol: udp}]
`;

describe('kubeknit lsp: quick fixes are the findings\' own fixes', () => {
  let lsp: LspSession;
  let root: string;
  beforeAll(async () => {
    root = tempTree({ 'pod.yaml': POD });
    lsp = await startLsp(root, { debounceMs: 0 });
  });
  afterAll(async () => lsp.stop());

  it('offers each finding\'s fix, and "fix all" for every problem of the file', async () => {
    const uri = fileUri(root, 'pod.yaml');
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
    const diagnostics = await lsp.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'schema-violation').length === 2);
    const typo = diagnostics.find((d) => d.code === 'schema-violation' && String(d.message).includes('imagePullPolice'))!;
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } })) as CodeAction[];
    const rename = actions.find((a) => a.title === 'Rename "imagePullPolice" to "imagePullPolicy"');
    expect(rename?.edit?.changes?.[uri]).toEqual([{ range: { start: { line: 8, character: 6 }, end: { line: 8, character: 21 } }, newText: 'imagePullPolicy' }]);
    expect(rename?.isPreferred).toBe(true);

    const all = actions.find((a) => a.kind === 'source.fixAll.kubeknit');
    expect(all?.title).toBe('Fix all kubeknit problems in this file (2)');
    const [edit] = all!.edit!.changes![uri];
    expect(edit.newText).toBe(POD.replace('imagePullPolice', 'imagePullPolicy').replace('protocol: udp', 'protocol: UDP'));

    // Asked for source actions only (what an editor runs on save), just "fix all" comes back.
    const onSave = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
    expect(onSave.map((a) => a.kind)).toEqual(['source.fixAll.kubeknit']);
  }, 60_000);

  it('ignores a fix in diagnostic data the client mangled', async () => {
    const uri = fileUri(root, 'pod.yaml');
    const forged = { range: { start: { line: 8, character: 6 }, end: { line: 8, character: 21 } }, source: 'kubeknit', code: 'schema-violation', message: 'x', data: { ruleId: 'schema-violation', fix: { type: 'problem', description: 'evil', edits: 'nope', objectStart: null } } };
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: forged.range, context: { diagnostics: [forged] } })) as CodeAction[];
    expect(actions.map((a) => a.title)).not.toContain('evil');
    expect(lsp.child.exitCode).toBeNull();
  }, 30_000);
});
