import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes, type Hover } from 'vscode-languageserver-protocol/node';
import { fileUri, startLsp, type LspSession } from '../helpers/lsp-client.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { yaml } from '../helpers/rule-tester.js';

/** A guard against a hang, not a timing assertion: the server ends in well under a second when it works. */
const EXIT_GUARD_MS = 20_000;

const frame = (message: object | string) => {
  const body = typeof message === 'string' ? message : JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const INITIALIZE = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const SHUTDOWN = frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' });

/**
 * Starts `kubeknit lsp --stdio`, writes `input`, closes stdin when `close` is set (else leaves it
 * open, as a client that is still there would), and resolves with how the server ended.
 */
function runServer(input: string, close: boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/kubeknit.js'), 'lsp', '--stdio'], { stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdin.on('error', () => undefined); // the server may be gone before all is written
  child.stdin.write(input);
  if (close) child.stdin.end();
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill();
      reject(new Error(`the server did not exit within ${EXIT_GUARD_MS} ms; stderr: ${stderr}`));
    }, EXIT_GUARD_MS);
    child.on('exit', (code) => {
      clearTimeout(guard);
      child.stdin.destroy();
      resolve({ code, stdout, stderr });
    });
  });
}

describe('kubeknit lsp ends when the stream loses its framing, instead of hanging (issue 17 item 8)', () => {
  it.each([
    ['a header without Content-Length', 'Foo: bar\r\n\r\n{}', /no Content-Length/],
    ['Content-Length: abc', 'Content-Length: abc\r\n\r\n{}', /not a decimal number/],
    ['a huge Content-Length', 'Content-Length: 99999999999\r\n\r\n{}', /above the .* limit/],
    ['a body that is not JSON', frame('hello'), /not JSON/],
    ['garbage after a valid request', `${INITIALIZE}\u0000\u0001garbage\r\n\r\n`, /not "Name: value"/],
  ])('%s, with the client still connected: exit 1 and a reason on stderr', async (_name, input, reason) => {
    const { code, stderr } = await runServer(input, false);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^kubeknit lsp: lost the message framing: /);
    expect(stderr).toMatch(reason);
  });

  it('a body shorter than announced, then end of input: exit 1', async () => {
    const { code, stderr } = await runServer('Content-Length: 100\r\n\r\n{"jsonrpc":"2.0"}', true);
    expect(code).toBe(1);
    expect(stderr).toMatch(/ended inside a message/);
  });

  it('stdin closing without a shutdown request: exit 1; after shutdown: exit 0, with the requests before the end answered', async () => {
    const abrupt = await runServer(INITIALIZE, true);
    expect(abrupt.code).toBe(1);
    expect(abrupt.stdout).toContain('"serverInfo":{"name":"kubeknit"}');
    expect(abrupt.stderr).toMatch(/input closed before a shutdown request/);

    const orderly = await runServer(INITIALIZE + SHUTDOWN, true);
    expect(orderly.code).toBe(0);
    expect(orderly.stdout).toContain('"id":2,"result":null');
    expect(orderly.stderr).toBe('');
  });
});

const SERVICE = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector:
      app: web
    ports:
      - port: 80
`;

describe('kubeknit lsp checks the parameters of every request and notification', () => {
  let root: string;
  let lsp: LspSession;
  const svc = () => fileUri(root, 'svc.yaml');
  const hoverOnSelector = () => lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: svc() }, position: { line: 6, character: 6 } }) as Promise<Hover | null>;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kk-lsp-hostile-'));
    writeFileSync(path.join(root, 'svc.yaml'), SERVICE);
    lsp = await startLsp(root, { debounceMs: 10 });
    await lsp.waitForDiagnostics(svc(), (list) => list.some((d) => d.code === 'dangling-service-selector'));
  });

  afterAll(async () => {
    await lsp?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['hover without a position', 'textDocument/hover', () => ({ textDocument: { uri: svc() } }), /params\.position must be an object/],
    ['hover with a numeric uri', 'textDocument/hover', () => ({ textDocument: { uri: 5 }, position: { line: 0, character: 0 } }), /uri must be a URI/],
    ['hover at a negative line', 'textDocument/hover', () => ({ textDocument: { uri: svc() }, position: { line: -1, character: 0 } }), /line must be a non-negative integer/],
    ['definition at a fractional character', 'textDocument/definition', () => ({ textDocument: { uri: svc() }, position: { line: 0, character: 1.5 } }), /character must be a non-negative integer/],
    ['definition on a file URI with a host', 'textDocument/definition', () => ({ textDocument: { uri: 'file://attacker/share/x.yaml' }, position: { line: 0, character: 0 } }), /file URI of a local path/],
    ['hover on a file URI with a NUL', 'textDocument/hover', () => ({ textDocument: { uri: 'file:///tmp/a%00b.yaml' }, position: { line: 0, character: 0 } }), /NUL/],
    ['code actions for a reversed range', 'textDocument/codeAction', () => ({ textDocument: { uri: svc() }, range: { start: { line: 3, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } }), /start must not come after/],
    ['code actions with a diagnostic without a range', 'textDocument/codeAction', () => ({ textDocument: { uri: svc() }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ message: 'x' }] } }), /diagnostics\[0\]\.range/],
    ['the graph page for a numeric uri', 'kubeknit/graphPage', () => ({ uri: 5 }), /uri must be a URI/],
    ['the graph page with positional params', 'kubeknit/graphPage', () => [1, 2], /params must be an object/],
  ])('%s: InvalidParams', async (_name, method, params, message) => {
    const answer = lsp.connection.sendRequest(method, params());
    await expect(answer).rejects.toMatchObject({ code: ErrorCodes.InvalidParams, message: expect.stringMatching(message) });
  });

  it('malformed notifications are ignored, the server keeps serving, and a fix that comes back malformed is not offered', async () => {
    const send = (method: string, params: unknown) => lsp.connection.sendNotification(method, params);
    // Before the checks, a document opened with a numeric uri crashed the server at the next config reload.
    await send('textDocument/didOpen', { textDocument: { uri: 5, languageId: 'yaml', version: 1, text: 'a: 1' } });
    await send('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(root, '.kubeknit.yaml'), type: 2 }] });
    await send('textDocument/didOpen', { textDocument: { uri: svc(), languageId: 'yaml', version: 1, text: 42 } });
    await send('textDocument/didChange', { textDocument: { uri: svc(), version: null }, contentChanges: [{ text: '' }] });
    await send('textDocument/didChange', { textDocument: { uri: svc(), version: 3 }, contentChanges: [{ range: { start: { line: -4, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
    await send('textDocument/didClose', { textDocument: {} });
    await send('textDocument/didSave', null);
    await send('workspace/didChangeWatchedFiles', { changes: [{ uri: svc(), type: 'changed' }] });
    await send('$/cancelRequest', undefined);

    // Still alive, still analysing the file as it is on disk (none of the above was half-applied).
    const hover = await hoverOnSelector();
    expect(hover).toBeNull(); // the selector matches nothing: no target, but an answer
    expect(lsp.child.exitCode).toBeNull();
    expect(lsp.diagnostics.get(svc())?.map((d) => d.code)).toContain('dangling-service-selector');

    // A diagnostic whose fix data was tampered with gets only the "disable" action, never a crash.
    const [diagnostic] = lsp.diagnostics.get(svc())!;
    await send('textDocument/didOpen', { textDocument: { uri: svc(), languageId: 'yaml', version: 1, text: SERVICE } });
    const tampered = { ...diagnostic, data: { fix: { type: 'problem', description: 'x', edits: [{ op: 'set', path: { evil: true } }], objectStart: { line: 1, column: 1 } } } };
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: svc() }, range: diagnostic.range, context: { diagnostics: [tampered] },
    })) as Array<{ title: string }>;
    expect(actions.map((a) => a.title)).toEqual(['Disable dangling-service-selector for this line']);
  });
});

describe('kubeknit lsp reads a workspace .kubeknit.yaml as data', () => {
  let root: string | undefined;
  let lsp: LspSession | undefined;
  afterAll(async () => {
    await lsp?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('a config naming a URL as a schema location is set aside; the workspace is still linted, and the server lives on though the client refuses the warning request', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kk-lsp-config-'));
    writeFileSync(path.join(root, 'svc.yaml'), SERVICE);
    writeFileSync(path.join(root, '.kubeknit.yaml'), 'schemaLocations: ["https://attacker.example/schemas"]\nrules:\n  dangling-service-selector: off\n');
    lsp = await startLsp(root, { debounceMs: 10 });
    // Before, every analysis failed on the URL and the editor showed nothing at all.
    const list = await lsp.waitForDiagnostics(fileUri(root, 'svc.yaml'), (d) => d.length > 0);
    expect(list.map((d) => d.code)).toContain('dangling-service-selector');
    // The test client answers window/showMessageRequest with an error; that rejection once ended the server.
    await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(root, 'svc.yaml') }, position: { line: 0, character: 0 } });
    expect(lsp.child.exitCode).toBeNull();
  });
});
