import { parseArgs } from 'node:util';
import { LSP_HELP } from './help.js';
import { EXIT, type CliIO } from './io.js';

/** `kubeknit lsp [--stdio]`: the language server, on standard input and output. */
export async function lspCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({ args, options: { stdio: { type: 'boolean' }, debug: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout.write(LSP_HELP);
    return EXIT.ok;
  }
  // Loaded here so other commands do not pay for the LSP libraries at start-up.
  const { startLanguageServer } = await import('../lsp/server.js');
  await startLanguageServer(io.stdin, io.stdout);
  return EXIT.ok;
}
