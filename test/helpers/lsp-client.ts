import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './shared.js';

/** A language client talking to the built `kubeknit lsp --stdio` in a child process. */
export interface LspSession {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  /** The latest diagnostics published per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Resolves with the diagnostics of `uri` once a publication satisfies `accept` (the latest one may already do). */
  waitForDiagnostics(uri: string, accept: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

export function fileUri(...parts: string[]): string {
  return pathToFileURL(path.join(...parts)).href;
}

/** Spawns the server (this checkout's, or the `bin` given), initializes it on `root` and waits until it reports being initialized. */
export async function startLsp(root: string, initializationOptions: Record<string, unknown> = {}, bin = path.join(REPO_ROOT, 'bin/kubeknit.js')): Promise<LspSession> {
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics: list }) => {
    diagnostics.set(uri, list);
    for (const wake of [...waiters]) wake();
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
    capabilities: {},
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});

  const waitForDiagnostics = (uri: string, accept: (d: Diagnostic[]) => boolean, timeoutMs = 10_000) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const check = () => {
        const current = diagnostics.get(uri);
        if (current && accept(current)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(current);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; latest: ${JSON.stringify(diagnostics.get(uri))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (child.exitCode === null) child.kill();
    }
    connection.dispose();
  };
  return { connection, child, diagnostics, waitForDiagnostics, stop };
}
