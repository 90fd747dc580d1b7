import { UsageError } from '../load/errors.js';
import { MAIN_HELP } from './help.js';
import { EXIT, processIO, type CliIO } from './io.js';
import { graphCommand } from './graph-command.js';
import { lintCommand } from './lint-command.js';
import { lspCommand } from './lsp-command.js';
import { rulesCommand } from './rules-command.js';
import { schemasCommand } from './schemas-command.js';
import { kubeknitVersion } from './version.js';

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  lint: lintCommand,
  rules: rulesCommand,
  graph: graphCommand,
  lsp: lspCommand,
  schemas: schemasCommand,
};

/** Runs kubeknit with its arguments; resolves to the exit status. Never throws. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(MAIN_HELP);
      return first === undefined ? EXIT.error : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${kubeknitVersion()}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[first];
    if (!command) throw new UsageError(`unknown command "${first}"; commands: ${Object.keys(COMMANDS).join(', ')} (see kubeknit --help)`);
    return await command(rest, io);
  } catch (err) {
    return reportFailure(err, io, debug);
  }
}

function reportFailure(err: unknown, io: CliIO, debug: boolean): number {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof UsageError || isParseArgsError(err)) {
    io.stderr.write(`kubeknit: ${message}\n`);
  } else {
    io.stderr.write(`kubeknit: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
  }
  if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return EXIT.error;
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
