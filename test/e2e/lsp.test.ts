import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, startLsp, type LspSession } from '../helpers/lsp-client.js';
import { yaml } from '../helpers/rule-tester.js';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: web:1
`;

const SERVICE = (name: string, app: string) => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: ${name}
    namespace: shop
  spec:
    selector:
      app: ${app}
    ports:
      - port: 80
`;

const dangling = (list: Diagnostic[]) => list.some((d) => d.code === 'dangling-service-selector');
/** A hover's Markdown as the editor shows it: names from the input are backslash-escaped in the source. */
const rendered = (hover: Hover) => (hover.contents as MarkupContent).value.replace(/\\(.)/g, '$1');

describe('kubeknit lsp (built server, spoken to over stdio)', () => {
  let root: string;
  let lsp: LspSession;
  const uri = (name: string) => fileUri(root, name);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kk-lsp-'));
    writeFileSync(path.join(root, 'app.yaml'), DEPLOYMENT);
    writeFileSync(path.join(root, 'svc.yaml'), SERVICE('web', 'web'));
    writeFileSync(path.join(root, 'api-svc.yaml'), SERVICE('api', 'api'));
    // Left out of the workspace: by .gitignore, by the config's ignore list, and node_modules.
    writeFileSync(path.join(root, '.gitignore'), '# build output\nrendered/\n');
    writeFileSync(path.join(root, '.kubeknit.yaml'), 'ignore:\n  - "legacy/**"\n');
    for (const dir of ['rendered', 'legacy', 'node_modules/x']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'svc.yaml'), SERVICE('ghost', 'ghost'));
    }
    lsp = await startLsp(root, { debounceMs: 20 });
  });

  afterAll(async () => {
    await lsp?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('publishes diagnostics for the workspace on start, with rule id, docs link, range and severity', async () => {
    const [diagnostic] = await lsp.waitForDiagnostics(uri('api-svc.yaml'), dangling);
    expect(diagnostic).toMatchObject({
      code: 'dangling-service-selector',
      source: 'kubeknit',
      severity: 1,
      codeDescription: { href: expect.stringMatching(/rules\.md#dangling-service-selector$/) },
      range: { start: { line: 6, character: 2 } },
    });
    expect(diagnostic.message).toContain('app=api');
    expect(lsp.diagnostics.get(uri('svc.yaml')) ?? []).toEqual([]);
    for (const ignored of ['rendered/svc.yaml', 'legacy/svc.yaml', 'node_modules/x/svc.yaml']) expect(lsp.diagnostics.has(uri(ignored))).toBe(false);
  });

  it('an edit in one file updates the diagnostics of another, and closing restores the file on disk', async () => {
    const text = DEPLOYMENT.replace(/app: web\n(\s+spec:)/, 'app: api\n$1');
    expect(text).not.toBe(DEPLOYMENT);
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('app.yaml'), languageId: 'yaml', version: 1, text: DEPLOYMENT } });
    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('app.yaml'), version: 2 }, contentChanges: [{ text }] });
    await lsp.waitForDiagnostics(uri('svc.yaml'), dangling);
    expect(await lsp.waitForDiagnostics(uri('api-svc.yaml'), (d) => !dangling(d))).toEqual([]);

    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('app.yaml') } });
    await lsp.waitForDiagnostics(uri('svc.yaml'), (d) => !dangling(d));
    await lsp.waitForDiagnostics(uri('api-svc.yaml'), dangling);
  });

  it('picks up files created, changed and deleted on disk (workspace/didChangeWatchedFiles)', async () => {
    writeFileSync(path.join(root, 'extra.yaml'), SERVICE('extra', 'nothing'));
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('extra.yaml'), type: 1 }] });
    await lsp.waitForDiagnostics(uri('extra.yaml'), dangling);
    rmSync(path.join(root, 'extra.yaml'));
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('extra.yaml'), type: 3 }] });
    expect(await lsp.waitForDiagnostics(uri('extra.yaml'), (d) => d.length === 0)).toEqual([]);
  });

  it('hover on a Service selector lists the Pod templates it selects, with file:line; definition jumps there', async () => {
    const position = { line: 7, character: 6 }; // on `app: web` under spec.selector
    const hover = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('svc.yaml') }, position })) as Hover;
    const text = rendered(hover);
    expect(text).toContain('selects');
    expect(text).toContain('Deployment shop/web');
    expect(text).toContain('app.yaml:10');

    const locations = (await lsp.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('svc.yaml') }, position })) as Location[];
    expect(locations).toEqual([{ uri: uri('app.yaml'), range: expect.objectContaining({ start: { line: 9, character: 4 } }) }]);

    // From the other side: the template's labels know which Services select them.
    const back = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('app.yaml') }, position: { line: 11, character: 10 } })) as Hover;
    expect(rendered(back)).toMatch(/selects \(from\) → Service shop\/web — svc\.yaml:7/);
    const nothing = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('svc.yaml') }, position: { line: 9, character: 8 } });
    expect(nothing).toBeNull();
  });

  it('offers to disable the rule for the line, indented like it', async () => {
    const svc = readFileSync(path.join(root, 'api-svc.yaml'), 'utf8');
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('api-svc.yaml'), languageId: 'yaml', version: 1, text: svc } });
    const [diagnostic] = await lsp.waitForDiagnostics(uri('api-svc.yaml'), dangling);
    const actions = (await lsp.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('api-svc.yaml') }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const disable = actions.find((a) => a.title === 'Disable dangling-service-selector for this line');
    expect(disable?.edit?.changes?.[uri('api-svc.yaml')]).toEqual([{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: '  # kubeknit-disable-next-line dangling-service-selector\n' }]);
    // A finding without a repair gets no fix action, only the disable comment.
    expect(actions.map((a) => a.title)).toEqual(['Disable dangling-service-selector for this line']);
    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('api-svc.yaml') } });
  });

  it('survives a malformed request and a broken YAML buffer', async () => {
    await expect(lsp.connection.sendRequest('textDocument/hover', { textDocument: {} })).rejects.toThrow();
    await expect(lsp.connection.sendRequest('textDocument/definition', null)).rejects.toThrow();
    const garbage = '{"jsonrpc": "2.0", this is not JSON';
    lsp.child.stdin.write(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);

    const broken = uri('broken.yaml');
    await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'yaml', version: 1, text: 'apiVersion: v1\nkind: [Service\nmetadata: {name: x\n' } });
    const [syntax] = await lsp.waitForDiagnostics(broken, (d) => d.some((x) => x.code === 'invalid-yaml'));
    expect(syntax.severity).toBe(1);
    const hover = await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: broken }, position: { line: 1, character: 8 } });
    expect(hover).toBeNull();

    // Still serving: the Service hover answers as before.
    const alive = (await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('svc.yaml') }, position: { line: 7, character: 6 } })) as Hover;
    expect((alive.contents as MarkupContent).value).toContain('Deployment shop/web');
    expect(lsp.child.exitCode).toBeNull();
    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: broken } });
    await lsp.waitForDiagnostics(broken, (d) => d.length === 0);
  });
});

describe('kubeknit lsp with the workspace config file (built server)', () => {
  let root: string;
  let lsp: LspSession;
  const uri = (name: string) => fileUri(root, name);
  const DEPLOYMENT_LATEST = DEPLOYMENT.replace('image: web:1', 'image: web:latest');

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kk-lsp-config-'));
    mkdirSync(path.join(root, '.git')); // the config search stops at the repository root
    writeFileSync(path.join(root, 'app.yaml'), DEPLOYMENT_LATEST);
    writeFileSync(path.join(root, 'api-svc.yaml'), SERVICE('api', 'api'));
    writeFileSync(path.join(root, '.kubeknit.yaml'), 'rules:\n  dangling-service-selector: "off"\n  latest-tag: info\n');
    lsp = await startLsp(root, { debounceMs: 20 });
  });

  afterAll(async () => {
    await lsp?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('a rule turned off in .kubeknit.yaml gives no diagnostic; a severity set there is the one shown', async () => {
    const published = await lsp.waitForDiagnostics(uri('app.yaml'), (d) => d.some((x) => x.code === 'latest-tag'));
    expect(published.find((d) => d.code === 'latest-tag')).toMatchObject({ code: 'latest-tag', severity: 3 });
    // app.yaml and api-svc.yaml are published from one analysis: api-svc.yaml had nothing to report.
    expect(lsp.diagnostics.get(uri('api-svc.yaml')) ?? []).toEqual([]);
  });

  it('re-reads the config when it changes on disk', async () => {
    writeFileSync(path.join(root, '.kubeknit.yaml'), 'rules:\n  latest-tag: "off"\n');
    await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.kubeknit.yaml'), type: 2 }] });
    await lsp.waitForDiagnostics(uri('api-svc.yaml'), dangling);
    expect((lsp.diagnostics.get(uri('app.yaml')) ?? []).some((d) => d.code === 'latest-tag')).toBe(false);
  });
});
