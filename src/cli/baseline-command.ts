import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findConfigFile, findRepoRoot } from '../config/index.js';
import { lint, loadConfigFile } from '../index.js';
import { createBaseline, DEFAULT_BASELINE_FILE, serializeBaseline } from '../pr/baseline.js';
import { BASELINE_HELP } from './help.js';
import { EXIT, type CliIO } from './io.js';

/** `kubeknit baseline [paths…]`: writes today's findings as a baseline file. */
export async function baselineCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o', default: DEFAULT_BASELINE_FILE },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      'ignore-pattern': { type: 'string', multiple: true },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(BASELINE_HELP);
    return EXIT.ok;
  }
  const inputs = positionals.length ? positionals : ['.'];
  const configFile = values['no-config'] ? undefined : (values.config ?? findConfigFile(process.cwd()));
  const config = configFile !== undefined ? await loadConfigFile(configFile) : undefined;
  const result = await lint(inputs, { ignore: values['ignore-pattern'], config });
  const rootDir = findRepoRoot(process.cwd()) ?? process.cwd();
  const baseline = createBaseline(result.findings, rootDir);
  const output = values.output ?? DEFAULT_BASELINE_FILE;
  writeFileSync(output, serializeBaseline(baseline));
  io.stderr.write(`kubeknit: wrote ${result.findings.length} findings as ${baseline.entries.length} baseline entries to ${output}\n`);
  return EXIT.ok;
}
