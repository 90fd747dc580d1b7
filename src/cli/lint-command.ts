import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lint, type LintOptions } from '../index.js';
import type { RuleSetting } from '../engine/active-rules.js';
import { PRESETS, type Preset } from '../engine/rule.js';
import { UsageError } from '../load/errors.js';
import { FORMAT_NAMES, REPORTERS, shouldColor } from '../report/index.js';
import { findRule } from '../../rules/index.js';
import { EXIT, readAll, type CliIO } from './io.js';
import { LINT_HELP } from './help.js';
import { startProgress } from './spinner.js';

const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'];

export async function lintCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      'stdin-filename': { type: 'string' },
      'ignore-pattern': { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      rule: { type: 'string', multiple: true },
      preset: { type: 'string' },
      'kube-version': { type: 'string' },
      'schema-location': { type: 'string', multiple: true },
      'ignore-missing-schemas': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(LINT_HELP);
    return EXIT.ok;
  }
  const format = values.format ?? 'stylish';
  const reporter = REPORTERS[format];
  if (!reporter) throw new UsageError(`unknown format "${format}"; choose one of: ${FORMAT_NAMES.join(', ')}`);
  const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');
  const maxFileSize = parseCount(values['max-file-size'], '--max-file-size');
  const preset = values.preset;
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset)) throw new UsageError(`unknown preset "${preset}"; choose one of: ${PRESETS.join(', ')}`);

  const inputs = positionals.length ? positionals : ['.'];
  const options: LintOptions = {
    ignore: values['ignore-pattern'],
    maxFileSize,
    preset: preset as Preset | undefined,
    rules: parseRuleFlags(values.rule ?? []),
    kubernetesVersion: values['kube-version'],
    schemaLocations: values['schema-location'],
    ignoreMissingSchemas: values['ignore-missing-schemas'],
  };
  if (inputs.includes('-')) {
    const file = values['stdin-filename'] ?? '<stdin>';
    options.inline = [{ file, text: await readAll(io.stdin) }];
  }

  const progress = startProgress(io, format === 'stylish' && !values.output, `linting ${inputs.join(' ')}`);
  let result;
  try {
    result = await lint(inputs, options);
  } finally {
    progress.stop();
  }
  const findings = values.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const colorWanted = values['no-color'] ? false : values.color ? true : shouldColor(values.output ? {} : io.stdout, io.env);
  const text = reporter({ findings, summary: result.summary }, { color: colorWanted });
  if (values.output) writeFileSync(values.output, text);
  else io.stdout.write(text);

  if (result.summary.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
    io.stderr.write(`kubeknit: ${result.summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}"`);
  return Number(value);
}

function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const [id, severity] = flag.split('=');
    if (!findRule(id)) throw new UsageError(`--rule ${flag}: unknown rule "${id}" (see "kubeknit rules")`);
    if (!SEVERITY_SETTINGS.includes(severity)) throw new UsageError(`--rule ${flag}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}`);
    rules[id] = severity as RuleSetting;
  }
  return rules;
}
