import { parseArgs } from 'node:util';
import { LSP_HELP } from './help.js';
import { EXIT, type CliIO } from './io.js';
import { escapeForTerminal } from '../report/escape.js';

/** `kubeknit lsp [--stdio]`: the language server, on standard input and output. */
export async function lspCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { stdio: { type: 'boolean' }, debug: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(LSP_HELP);
    return EXIT.ok;
  }
  // Loaded here so other commands do not pay for the LSP libraries at start-up.
  const { startLanguageServer } = await import('../lsp/server.js');
  const end = await startLanguageServer(io.stdin, io.stdout);
  if (end.reason) io.stderr.write(`kubeknit lsp: ${escapeForTerminal(end.reason)}\n`);
  // The LSP library keeps timers of its own (it watches the editor's process id), so the process is
  // ended here, once what was written has been handed to the OS, instead of lingering on a dead stream.
  await new Promise<void>((resolve) => {
    const fallback = setTimeout(resolve, 1000);
    io.stdout.write('', () => {
      clearTimeout(fallback);
      resolve();
    });
  });
  process.exit(end.code);
}
