import { statSync } from 'node:fs';
import { pipeline } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, FileChangeType, MarkupKind, ProposedFeatures,
  StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type CodeActionParams, type Connection, type DidChangeWatchedFilesParams, type Hover, type InitializeParams, type InitializeResult,
  type Location, type Position, type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions.js';
import { toDiagnostic } from './diagnostics.js';
import { describeNode, navigationTargets, objectAtPath, type NavigationTarget } from './navigate.js';
import { pathAtOffset } from './path-at-offset.js';
import { isConfigFile } from '../config/find.js';
import { Workspace, type Analysis } from './workspace.js';
import { readWorkspaceConfig } from './workspace-config.js';
import { escapeMarkdown } from '../report/escape.js';
import { editorLintOptions, emptyGraphPage, graphPageHtml, GRAPH_PAGE_REQUEST } from './graph-page.js';
import { isPlainObject } from '../k8s/guards.js';
import type { LintOptions } from '../index.js';
import { readManifestFile } from '../load/read.js';
import { checkedNotification, checkedRequest, PARAMS } from './params.js';
import { FramingGuard } from './framing.js';

/** Options an editor may pass in `initializationOptions`. */
export interface ServerOptions {
  /** How long to wait after the last keystroke before linting again (default 150 ms). */
  debounceMs?: number;
  /** Rule preset, over the config file's (the editor extension's setting). */
  preset?: string;
  /** Kubernetes minor version to validate against, over the config file's. */
  kubernetesVersion?: string;
}

const DEFAULT_DEBOUNCE_MS = 150;
/** How long messages read before the input ended may still take to be answered. */
const INPUT_END_GRACE_MS = 500;

/** How the server ended: the exit status LSP prescribes, and why when it was not an orderly `exit`. */
export interface ServerEnd {
  /** 0 after `shutdown`; 1 when the stream closed or broke first. */
  code: number;
  reason?: string;
}

/**
 * Serves LSP on the given streams until the client disconnects: an `exit` notification (the LSP
 * library then ends the process), the input stream closing, or framing that can no longer be trusted
 * (a bad header, a body that is not JSON, a message cut off). The server never waits on a broken stream.
 */
export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<ServerEnd> {
  let shutdown = false;
  let settle: (end: ServerEnd) => void = () => undefined;
  const ended = new Promise<ServerEnd>((resolve) => {
    settle = (end) => {
      settle = () => undefined;
      resolve(end);
    };
  });
  // The messages read before the input ended or broke are still answered (a script may send
  // `shutdown` and close at once): the end waits a moment for them, then comes whatever they do.
  const endSoon = (reason?: string) => setTimeout(() => settle(reason || !shutdown ? { code: 1, reason: reason ?? 'the input closed before a shutdown request' } : { code: 0 }), INPUT_END_GRACE_MS);
  const lostFraming = (reason: string) => endSoon(`lost the message framing: ${reason}`);
  const guard = new FramingGuard(lostFraming);
  pipeline(input, guard, (err) => {
    if (err) endSoon(`cannot read the input: ${err.message}`);
  });
  const reader = new StreamMessageReader(guard);
  const writer = new StreamMessageWriter(output);
  let log: (message: string) => void = () => undefined;
  reader.onError((err) => {
    // A body that is not JSON breaks the stream; any other error is the library's own handling of one
    // message (e.g. a `$/cancelRequest` without params), and the server goes on.
    if (err instanceof SyntaxError) lostFraming(`a message is not JSON: ${err.message.split('\n')[0]}`);
    else log(`kubeknit: a message was dropped: ${err.message.split('\n')[0]}`);
  });
  // A message cut off mid-body, with the client silent for the reader's partial-message timeout (10 s).
  reader.onPartialMessage(() => lostFraming('a message stopped arriving halfway'));
  reader.onClose(() => endSoon());
  writer.onError(([err]) => settle({ code: 1, reason: `cannot write to the client: ${err.message}` }));
  writer.onClose(() => settle({ code: 1, reason: 'the output closed' }));
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  log = (message) => connection.console.error(message);
  connection.onShutdown(() => {
    shutdown = true;
  });
  connection.onExit(() => settle({ code: shutdown ? 0 : 1 }));
  new KubeknitServer(connection).listen();
  return ended;
}

class KubeknitServer {
  private readonly documents = new TextDocuments(TextDocument);
  private workspace = new Workspace();
  private analysis: Analysis | undefined;
  private debounceMs = DEFAULT_DEBOUNCE_MS;
  /** Lint options the editor set in `initializationOptions`; they win over the config files. */
  private lintOverrides: LintOptions = {};
  private roots: string[] = [];
  private canWatchFiles = false;
  /** Files to re-read before the next analysis (edited buffers, or files changed on disk). */
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private flushImmediately = false;
  /** The diagnostics last sent per file, to publish only what changed. */
  private readonly published = new Map<string, string>();
  private readonly parsedVersions = new Map<string, number>();

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    const log = (message: string) => connection.console.error(message);
    connection.onInitialize(checkedRequest('initialize', PARAMS.initialize, (params: InitializeParams) => this.initialize(params)));
    connection.onInitialized(() => void this.initialized().catch((err: unknown) => log(`kubeknit: start-up failed: ${errorText(err)}`)));
    documents.onDidOpen((e) => this.schedule(pathOf(e.document.uri), 0));
    documents.onDidChangeContent((e) => {
      if (this.parsedVersions.get(pathOf(e.document.uri)) !== e.document.version) this.schedule(pathOf(e.document.uri), this.debounceMs);
    });
    documents.onDidSave((e) => void this.saved(pathOf(e.document.uri)).catch((err: unknown) => log(`kubeknit: rebuilding after a save failed: ${errorText(err)}`)));
    documents.onDidClose((e) => this.schedule(pathOf(e.document.uri), 0));
    connection.onDidChangeWatchedFiles(checkedNotification('workspace/didChangeWatchedFiles', PARAMS.didChangeWatchedFiles, (params: DidChangeWatchedFilesParams) => this.filesChanged(params), log));
    connection.onHover(checkedRequest('textDocument/hover', PARAMS.textDocumentPosition, ({ textDocument, position }: TextDocumentPositionParams) => this.hover(textDocument.uri, position)));
    connection.onDefinition(checkedRequest('textDocument/definition', PARAMS.textDocumentPosition, ({ textDocument, position }: TextDocumentPositionParams) => this.definition(textDocument.uri, position)));
    connection.onRequest(GRAPH_PAGE_REQUEST, checkedRequest(GRAPH_PAGE_REQUEST, PARAMS.graphPage, (params: { uri?: string | null } | null | undefined) => this.graphPage(params?.uri ?? undefined)));
    connection.onCodeAction(checkedRequest('textDocument/codeAction', PARAMS.codeAction, (params: CodeActionParams) => this.codeActions(params)));
    documents.listen(checkedDocumentEvents(connection, log));
    connection.listen();
  }

  private filesChanged({ changes }: DidChangeWatchedFilesParams): void {
    if (changes.some((change) => isConfigFile(pathOf(change.uri)))) {
      void this.reloadWorkspace().catch((err: unknown) => this.connection.console.error(`kubeknit: reloading the workspace failed: ${errorText(err)}`));
      return;
    }
    for (const change of changes) {
      const file = pathOf(change.uri);
      if (this.documents.get(change.uri)) continue; // the open buffer wins over the disk
      if (change.type === FileChangeType.Deleted) this.workspace.remove(file);
      this.schedule(file, 0);
    }
  }

  private codeActions({ textDocument, context }: CodeActionParams) {
    const document = this.documents.get(textDocument.uri);
    if (!document) return [];
    this.flush(); // fixes are resolved against the analysis of the text as it is now
    const fileDiagnostics = (this.analysis?.byFile.get(pathOf(textDocument.uri)) ?? []).map(toDiagnostic);
    return codeActionsFor(document, context.diagnostics, { only: context.only, fileDiagnostics });
  }

  private initialize(params: InitializeParams): InitializeResult {
    const options: Record<string, unknown> = isPlainObject(params.initializationOptions) ? params.initializationOptions : {};
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) this.debounceMs = options.debounceMs;
    this.lintOverrides = editorLintOptions(options);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      },
      serverInfo: { name: 'kubeknit' },
    };
  }

  private async initialized(): Promise<void> {
    if (this.canWatchFiles) {
      this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] }).then(undefined, ignoreClientRefusal);
    }
    await this.reloadWorkspace();
  }

  /**
   * (Re-)reads each folder's config file and manifests into a fresh workspace, then lints: at start
   * and whenever a `.kubeknit.*` file changes (rule settings, ignore lists and schemas may all change).
   */
  private async reloadWorkspace(): Promise<void> {
    const workspace = new Workspace({ lint: this.lintOverrides });
    for (const root of this.roots) {
      const { config, error } = await readWorkspaceConfig(root);
      if (error) {
        // Typed void, yet sent as a request: a client that does not support it answers with an error.
        const shown: unknown = this.connection.window.showWarningMessage(`kubeknit: the config file is not used: ${error}`);
        if (shown instanceof Promise) shown.catch(ignoreClientRefusal);
      }
      workspace.addRoot(root, config);
    }
    await workspace.buildKustomizations();
    for (const document of this.documents.all()) this.pending.add(pathOf(document.uri));
    this.workspace = workspace;
    for (const file of this.pending) this.refresh(file);
    const touched = new Set(this.pending);
    this.pending.clear();
    this.analyzeAndPublish(touched);
  }

  /** A saved file that a kustomization reads re-builds the kustomizations (the overlays that use a base show its findings in it). */
  private async saved(file: string): Promise<void> {
    if (this.workspace.isReadByKustomize(file)) await this.workspace.buildKustomizations();
    this.schedule(file, 0);
  }

  /**
   * Queues a file for re-reading. A keystroke postpones a debounced run; it never postpones one
   * already due now (an open or a save). 0 ms still waits for the messages already received.
   */
  private schedule(file: string, delayMs: number): void {
    this.pending.add(file);
    if (this.timer && this.flushImmediately) return;
    clearTimeout(this.timer);
    this.flushImmediately = delayMs === 0;
    this.timer = setTimeout(() => this.flush(), delayMs);
  }

  /** Re-reads the pending files (buffer if open, disk otherwise), re-analyzes and publishes. */
  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.size) return;
    const touched = new Set(this.pending);
    this.pending.clear();
    for (const file of touched) this.refresh(file);
    this.analyzeAndPublish(touched);
  }

  private refresh(file: string): void {
    const document = this.documents.get(uriOf(file));
    if (document) {
      this.workspace.setText(file, document.getText());
      this.parsedVersions.set(file, document.version);
      return;
    }
    this.parsedVersions.delete(file);
    if (this.workspace.isWorkspaceFile(file) && isRegularFile(file)) this.workspace.readFromDisk(file);
    else this.workspace.remove(file);
  }

  private analyzeAndPublish(touched: ReadonlySet<string>): void {
    try {
      this.analysis = this.workspace.analyze();
    } catch (err) {
      this.connection.console.error(`kubeknit: analysis failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      return;
    }
    // The edited files first, the others in the next turn (unless a newer analysis takes over).
    const analysis = this.analysis;
    for (const file of touched) this.publish(analysis, file, true);
    setImmediate(() => {
      if (this.analysis !== analysis) return;
      const files = new Set([...this.published.keys(), ...analysis.byFile.keys()]);
      for (const file of files) if (!touched.has(file)) this.publish(analysis, file, false);
    });
  }

  /** Sends a file's diagnostics when they differ from the ones last sent (or always, for an edited file). */
  private publish(analysis: Analysis, file: string, touched: boolean): void {
    const diagnostics = (analysis.byFile.get(file) ?? []).map(toDiagnostic);
    const key = JSON.stringify(diagnostics);
    if (!touched && (this.published.get(file) ?? '[]') === key) return;
    if (diagnostics.length) this.published.set(file, key);
    else this.published.delete(file);
    const document = this.documents.get(uriOf(file));
    this.connection.sendDiagnostics({ uri: document?.uri ?? uriOf(file), version: document?.version, diagnostics }).then(undefined, ignoreClientRefusal);
  }

  /** The reference under the cursor and what it leads to, with the analysis brought up to date. */
  private targetsAt(uri: string, position: Position): NavigationTarget[] {
    this.flush();
    const file = pathOf(uri);
    const text = this.documents.get(uri)?.getText() ?? this.diskText(file);
    if (text === undefined || !this.analysis) return [];
    const document = TextDocument.create(uri, 'yaml', 0, text);
    const at = pathAtOffset(text, document.offsetAt(position));
    const hit = at && objectAtPath(this.workspace.objectsOf(file), at);
    return hit ? navigationTargets(this.analysis.graph, hit.object, hit.path) : [];
  }

  /** The text of a workspace file that is not open, read as the linter reads it (regular files within the size limit). */
  private diskText(file: string): string | undefined {
    if (!this.workspace.has(file) || !isRegularFile(file)) return undefined;
    const read = readManifestFile(file);
    return 'text' in read ? read.text : undefined;
  }

  private hover(uri: string, position: Position): Hover | null {
    const targets = this.targetsAt(uri, position);
    if (!targets.length) return null;
    const lines = targets.map((t) => {
      const where = t.file && t.range ? `${this.workspace.displayPath(t.file)}:${t.range.start.line}` : 'not defined in the workspace';
      return `- ${escapeMarkdown(t.relation)} → ${escapeMarkdown(describeNode(t.node))} — ${escapeMarkdown(where)}`;
    });
    return { contents: { kind: MarkupKind.Markdown, value: `**kubeknit**\n\n${lines.join('\n')}` } };
  }

  /** The interactive diagram of the workspace, with the objects of the given document highlighted. */
  private async graphPage(uri: string | undefined): Promise<{ html: string }> {
    this.flush();
    if (!this.analysis) return { html: emptyGraphPage() };
    const highlight = uri ? this.workspace.objectsOf(pathOf(uri)) : [];
    return { html: await graphPageHtml(this.analysis, highlight) };
  }

  private definition(uri: string, position: Position): Location[] {
    return this.targetsAt(uri, position).flatMap((t) => {
      if (!t.file || !t.range) return [];
      const start = { line: t.range.start.line - 1, character: t.range.start.column - 1 };
      const end = { line: t.range.end.line - 1, character: t.range.end.column - 1 };
      return [{ uri: uriOf(t.file), range: { start, end } }];
    });
  }
}

type DocumentEvents = Parameters<TextDocuments<TextDocument>['listen']>[0];

/**
 * The connection the document manager listens on, with each document notification's parameters
 * checked first: a malformed didOpen/didChange/didClose/didSave is ignored, never half-applied.
 */
function checkedDocumentEvents(connection: Connection, log: (message: string) => void): DocumentEvents {
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(checkedNotification('textDocument/didOpen', PARAMS.didOpen, handler, log)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(checkedNotification('textDocument/didChange', PARAMS.didChange, handler, log)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(checkedNotification('textDocument/didClose', PARAMS.didClose, handler, log)),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(checkedNotification('textDocument/didSave', PARAMS.didSave, handler, log)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(checkedNotification('textDocument/willSave', PARAMS.willSave, handler, log)),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(checkedRequest('textDocument/willSaveWaitUntil', PARAMS.willSave, handler)),
  };
}

/**
 * A request the client answers with an error (a client without `window/showMessageRequest`) or a
 * message that cannot be written: nothing to do here. A broken output ends the server on its own.
 */
function ignoreClientRefusal(): void {}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Files are kept by path; documents that are not files (untitled:) by their URI. */
function pathOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function uriOf(file: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? file : pathToFileURL(file).href;
}

/** Only regular files are read: a FIFO would block the server forever, and /dev/zero never ends. */
function isRegularFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
