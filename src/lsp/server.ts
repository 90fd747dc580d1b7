import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind, createConnection, DidChangeWatchedFilesNotification, FileChangeType, MarkupKind, ProposedFeatures,
  StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type Connection, type Hover, type InitializeParams, type InitializeResult, type Location, type Position,
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

/** Serves LSP on the given streams until the client disconnects. */
export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(input), new StreamMessageWriter(output));
  const closed = new Promise<void>((resolve) => connection.onExit(() => resolve()));
  new KubeknitServer(connection).listen();
  return closed;
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
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    documents.onDidOpen((e) => this.schedule(pathOf(e.document.uri), 0));
    documents.onDidChangeContent((e) => {
      if (this.parsedVersions.get(pathOf(e.document.uri)) !== e.document.version) this.schedule(pathOf(e.document.uri), this.debounceMs);
    });
    documents.onDidSave((e) => void this.saved(pathOf(e.document.uri)));
    documents.onDidClose((e) => this.schedule(pathOf(e.document.uri), 0));
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => isConfigFile(pathOf(change.uri)))) {
        void this.reloadWorkspace();
        return;
      }
      for (const change of changes) {
        const file = pathOf(change.uri);
        if (this.documents.get(change.uri)) continue; // the open buffer wins over the disk
        if (change.type === FileChangeType.Deleted) this.workspace.remove(file);
        this.schedule(file, 0);
      }
    });
    connection.onHover(({ textDocument, position }) => this.hover(textDocument.uri, position));
    connection.onDefinition(({ textDocument, position }) => this.definition(textDocument.uri, position));
    connection.onRequest(GRAPH_PAGE_REQUEST, (params: unknown) => this.graphPage(params));
    connection.onCodeAction(({ textDocument, context }) => {
      const document = documents.get(textDocument.uri);
      if (!document) return [];
      this.flush(); // fixes are resolved against the analysis of the text as it is now
      const fileDiagnostics = (this.analysis?.byFile.get(pathOf(textDocument.uri)) ?? []).map(toDiagnostic);
      return codeActionsFor(document, context.diagnostics, { only: context.only, fileDiagnostics });
    });
    documents.listen(connection);
    connection.listen();
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
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
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
      if (error) void this.connection.window.showWarningMessage(`kubeknit: the config file is not used: ${error}`);
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
    void this.connection.sendDiagnostics({ uri: document?.uri ?? uriOf(file), version: document?.version, diagnostics });
  }

  /** The reference under the cursor and what it leads to, with the analysis brought up to date. */
  private targetsAt(uri: string, position: Position): NavigationTarget[] {
    this.flush();
    const file = pathOf(uri);
    const text = this.documents.get(uri)?.getText() ?? (isRegularFile(file) ? readFileSync(file, 'utf8') : undefined);
    if (text === undefined || !this.analysis) return [];
    const document = TextDocument.create(uri, 'yaml', 0, text);
    const at = pathAtOffset(text, document.offsetAt(position));
    const hit = at && objectAtPath(this.workspace.objectsOf(file), at);
    return hit ? navigationTargets(this.analysis.graph, hit.object, hit.path) : [];
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
  private async graphPage(params: unknown): Promise<{ html: string }> {
    this.flush();
    const uri = isPlainObject(params) && typeof params.uri === 'string' ? params.uri : undefined;
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
