import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARAMS, PENDING_FIX } from '../../src/lsp/params.js';

const uri = 'file:///work/app.yaml';
const at = (line: number, character: number) => ({ line, character });

describe('parameter checks of the language server', () => {
  it('accept what editors send', () => {
    const accepted = {
      initialize: { processId: 1, rootUri: null, capabilities: { workspace: {} }, workspaceFolders: [{ uri: 'file:///work', name: 'work' }] },
      textDocumentPosition: { textDocument: { uri: 'untitled:Untitled-1' }, position: at(0, 0) },
      codeAction: { textDocument: { uri }, range: { start: at(1, 2), end: at(1, 2) }, context: { diagnostics: [{ range: { start: at(1, 0), end: at(1, 4) }, message: 'm', code: 'rule', source: 'kubeknit' }], only: ['quickfix'] } },
      graphPage: { uri },
      didOpen: { textDocument: { uri, languageId: 'yaml', version: 1, text: 'a: 1\n' } },
      didChange: { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at(0, 0), end: at(0, 1) }, rangeLength: 1, text: 'b' }, { text: 'whole' }] },
      didClose: { textDocument: { uri } },
      didSave: { textDocument: { uri } },
      willSave: { textDocument: { uri }, reason: 1 },
      didChangeWatchedFiles: { changes: [{ uri, type: 2 }] },
    } satisfies Record<keyof typeof PARAMS, unknown>;
    for (const [method, params] of Object.entries(accepted)) expect(PARAMS[method as keyof typeof PARAMS](params, 'params'), method).toBeUndefined();
    expect(PARAMS.graphPage(undefined, 'params')).toBeUndefined();
  });

  it('name the first field that does not fit', () => {
    expect(PARAMS.textDocumentPosition({ textDocument: { uri }, position: at(2 ** 31, 0) }, 'params')).toBe('params.position.line must be a non-negative integer');
    expect(PARAMS.didChange({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at(0, 0), end: at(0, 1) }, text: 7 }] }, 'params')).toBe('params.contentChanges[0].text must be a string');
    expect(PARAMS.didOpen({ textDocument: { uri: 'app.yaml', languageId: 'yaml', version: 1, text: '' } }, 'params')).toMatch(/^params\.textDocument\.uri must be a URI with a scheme/);
    expect(PARAMS.didChangeWatchedFiles({ changes: [{ uri, type: 4 }] }, 'params')).toMatch(/^params\.changes\[0\]\.type must be one of 1, 2, 3/);
    expect(PENDING_FIX({ type: 'problem', description: 'd', edits: [{ op: 'rename', path: 'a.b' }], objectStart: { line: 1, column: 1 } }, 'fix')).toBe('fix.edits[0].to must be a string');
  });

  it('never throw, whatever the client sends (property)', () => {
    const checks = [...Object.values(PARAMS), PENDING_FIX];
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withSparseArray: true }), (value) => {
        for (const check of checks) expect(['string', 'undefined']).toContain(typeof check(value, 'params'));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
