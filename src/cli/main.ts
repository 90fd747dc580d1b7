import { UsageError } from '../load/errors.js';
import { MAIN_HELP } from './help.js';
import { EXIT, processIO, type CliIO } from './io.js';
import { kubeknitVersion } from './version.js';
import { escapeForTerminal } from '../report/escape.js';

export { usePlainEnvironment } from '../load/plain-env.js';

type Command = (args: string[], io: CliIO) => Promise<number>;

// Each command's modules load only when it runs: start-up time counts (issue 9), and `--version`
// or `rules` need none of the linter.
const COMMANDS: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./lint-command.js')).lintCommand,
  // The registry comes from the one module that composes it (src/index.ts), as `lint()` gets it.
  rules: async () => {
    const [{ rulesCommand }, { RULES }] = await Promise.all([import('./rules-command.js'), import('../index.js')]);
    return (args, io) => rulesCommand(args, io, RULES);
  },
  graph: async () => (await import('./graph-command.js')).graphCommand,
  lsp: async () => (await import('./lsp-command.js')).lspCommand,
  schemas: async () => (await import('./schemas-command.js')).schemasCommand,
  baseline: async () => (await import('./baseline-command.js')).baselineCommand,
  diff: async () => (await import('./diff-command.js')).diffCommand,
};

/** Runs kubeknit with its arguments; resolves to the exit status. Never throws. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const debug = argv.includes('--debug');
  ignoreClosedPipe(io.stdout);
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
    const loadCommand = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!loadCommand) throw new UsageError(`unknown command "${first}"; commands: ${Object.keys(COMMANDS).join(', ')} (see kubeknit --help)`);
    const command = await loadCommand();
    return await command(rest, io);
  } catch (err) {
    return reportFailure(err, io, debug);
  }
}

function reportFailure(err: unknown, io: CliIO, debug: boolean): number {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof UsageError || isParseArgsError(err)) {
    io.stderr.write(`kubeknit: ${escapeForTerminal(message)}\n`);
  } else {
    io.stderr.write(`kubeknit: internal error: ${escapeForTerminal(message.split('\n')[0])}${debug ? '' : ' (run with --debug for details)'}\n`);
  }
  if (debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
  return EXIT.error;
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * `kubeknit graph … | head` closes stdout early: the rest of the output has no reader, which is
 * no error. The run still ends with its own exit status (findings stay findings under pipefail).
 */
function ignoreClosedPipe(stream: NodeJS.WritableStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
