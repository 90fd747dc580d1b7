/**
 * The VS Code side, kept thin: what needs no VS Code API lives in server-launch.ts and manifest.ts.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_FILE_GLOB, looksLikeKubernetesManifest } from './manifest.js';
import { needsRestart, readSettings, serverLaunch, type KubeknitSettings } from './server-launch.js';

let client: LanguageClient | undefined;
let settings: KubeknitSettings;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  settings = currentSettings();
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeknit.showGraph', () => showGraph(context)),
    vscode.commands.registerCommand('kubeknit.restart', () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('kubeknit')) return;
      const next = currentSettings();
      const restartNeeded = needsRestart(settings, next);
      settings = next;
      if (restartNeeded) void restart(context);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (!client && isManifest(document)) void start(context);
    }),
    { dispose: () => void client?.stop() },
  );
  const hasConfig = (await vscode.workspace.findFiles(CONFIG_FILE_GLOB, '**/node_modules/**', 1)).length > 0;
  if (hasConfig || vscode.workspace.textDocuments.some(isManifest)) await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function currentSettings(): KubeknitSettings {
  const config = vscode.workspace.getConfiguration('kubeknit');
  return readSettings((key) => config.get(key));
}

function isManifest(document: vscode.TextDocument): boolean {
  return (document.languageId === 'yaml' || document.languageId === 'json') && looksLikeKubernetesManifest(document.getText());
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (client || !settings.enable) return;
  const launch = serverLaunch({
    settings,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    bundledScript: context.asAbsolutePath(path.join('server', 'dist', 'bundle', 'kubeknit.js')),
    nodeExecutable: process.execPath,
    platform: process.platform,
    isFile: (file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
  });
  const serverOptions: ServerOptions = {
    command: launch.command,
    args: launch.args,
    transport: TransportKind.stdio,
    options: { env: { ...process.env, ...launch.env }, shell: launch.source === 'workspace' && process.platform === 'win32' },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }, { scheme: 'untitled', language: 'yaml' }],
    initializationOptions: launch.initializationOptions,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json}') },
  };
  client = new LanguageClient('kubeknit', `kubeknit (${launch.source})`, serverOptions, clientOptions);
  await client.start();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await client?.stop();
  client = undefined;
  await start(context);
}

async function showGraph(context: vscode.ExtensionContext): Promise<void> {
  if (!client) await start(context);
  if (!client) {
    void vscode.window.showWarningMessage('kubeknit is disabled (kubeknit.enable).');
    return;
  }
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  const { html } = await client.sendRequest<{ html: string }>('kubeknit/graphPage', { uri });
  const panel = vscode.window.createWebviewPanel('kubeknitGraph', 'kubeknit graph', vscode.ViewColumn.Beside, { enableScripts: true });
  panel.webview.html = html;
}
