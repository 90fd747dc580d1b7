import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findConfigFile, findRepoRoot } from '../config/index.js';
import { defaultCacheLocation, findRule, INTERNAL_ERROR_RULE, lint, loadConfigFile, readClusterInventory, type KustomizeOptions, type LintOptions } from '../index.js';
import type { RuleSetting } from '../engine/active-rules.js';
import { mergeInventories } from '../k8s/cluster-inventory.js';
import { PRESETS, type Preset } from '../engine/rule.js';
import { UsageError } from '../load/errors.js';
import { escapeForTerminal, FORMAT_NAMES, REPORTERS, shouldColor } from '../report/index.js';
import { EXIT, readAll, readStdinInput, type CliIO } from './io.js';
import { LINT_HELP } from './help.js';
import { pairFormatsWithOutputs, type ReportTarget } from './report-targets.js';
import { startProgress } from './spinner.js';
import { stdinTarget } from './stdin-target.js';
import { kubeknitVersion } from './version.js';
import { fixDiff, parseFixTypes, writeFixedFile } from './fix-output.js';
import { lintAndFix, type LintFixResult } from '../fix/lint-fix.js';
import { narrowFindings } from './pr-lint.js';

const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'];

function kustomizeFlags(values: { kustomize?: string; 'kustomize-command'?: string; 'render-timeout'?: string }): KustomizeOptions {
  const mode = values.kustomize;
  if (mode !== undefined && mode !== 'render' && mode !== 'skip') throw new UsageError(`--kustomize takes render or skip, not "${mode}"`);
  const timeout = values['render-timeout'];
  if (timeout !== undefined && !/^[1-9]\d{0,5}$/.test(timeout)) throw new UsageError(`--render-timeout takes whole seconds (1 or more), not "${timeout}"`);
  const command = values['kustomize-command'];
  return { mode: mode ?? (command !== undefined ? 'render' : undefined), command, timeoutSeconds: timeout !== undefined ? Number(timeout) : undefined };
}

export async function lintCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals, tokens } = parseArgs({
    args,
    allowPositionals: true,
    tokens: true,
    options: {
      format: { type: 'string', short: 'f', multiple: true },
      output: { type: 'string', short: 'o', multiple: true },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      'report-unused-disable-directives': { type: 'boolean' },
      'max-warnings': { type: 'string' },
      'stdin-filename': { type: 'string' },
      stdin: { type: 'boolean' },
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
      jobs: { type: 'string', short: 'j' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'fix-type': { type: 'string', multiple: true },
      kustomize: { type: 'string' },
      'kustomize-command': { type: 'string' },
      'render-timeout': { type: 'string' },
      'chart-dir': { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      'cluster-inventory': { type: 'string', multiple: true },
      baseline: { type: 'string' },
      'report-unused-baseline': { type: 'boolean' },
      'changed-since': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(LINT_HELP);
    return EXIT.ok;
  }
  const targets = pairFormatsWithOutputs(tokens);
  for (const { format } of targets) {
    if (!Object.hasOwn(REPORTERS, format)) throw new UsageError(`unknown format "${format}"; choose one of: ${FORMAT_NAMES.join(', ')}`);
  }
  const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');
  const maxFileSize = parseCount(values['max-file-size'], '--max-file-size');
  const preset = values.preset;
  if (preset !== undefined && !(PRESETS as readonly string[]).includes(preset)) throw new UsageError(`unknown preset "${preset}"; choose one of: ${PRESETS.join(', ')}`);

  let inputs = positionals.length ? positionals : ['.'];
  // With --stdin the config is the one that applies to the file the text stands for, as an editor expects.
  const configDir = values.stdin && values['stdin-filename'] ? path.dirname(path.resolve(values['stdin-filename'])) : process.cwd();
  const configFile = values['no-config'] ? undefined : (values.config ?? findConfigFile(configDir));
  const config = configFile !== undefined ? await loadConfigFile(configFile) : undefined;
  const options: LintOptions = {
    ignore: values['ignore-pattern'],
    maxFileSize,
    preset: preset as Preset | undefined,
    rules: parseRuleFlags(values.rule ?? [], config?.customRules.map((r) => r.id) ?? []),
    reportUnusedDisableDirectives: values['report-unused-disable-directives'],
    config,
    kubernetesVersion: values['kube-version'],
    schemaLocations: values['schema-location'],
    ignoreMissingSchemas: values['ignore-missing-schemas'],
    jobs: parseJobs(values.jobs),
    cache: values.cache || values['cache-location'] !== undefined
      ? { location: values['cache-location'] ?? defaultCacheLocation(findRepoRoot(process.cwd()) ?? process.cwd()), toolVersion: kubeknitVersion() }
      : undefined,
    kustomize: kustomizeFlags(values),
    chartDir: values['chart-dir'],
    namespace: values.namespace,
    cluster: clusterInventoryFlag(values['cluster-inventory']),
  };
  let stdinFile: { given: string; loaded: string } | undefined;
  if (values.stdin) {
    const given = values['stdin-filename'];
    if (!given) throw new UsageError('--stdin needs --stdin-filename <path>: the file the text on standard input stands for');
    const target = stdinTarget(given, positionals.filter((p) => p !== '-'));
    inputs = target.inputs;
    stdinFile = { given, loaded: target.file };
    options.inline = [{ file: target.file, text: await readAll(io.stdin) }];
    options.reportFiles = [target.file];
  } else if (inputs.includes('-')) {
    const file = values['stdin-filename'] ?? '<stdin>';
    options.inline = [{ file, text: await readStdinInput(io.stdin) }];
  }

  const fixing = values.fix || values['fix-dry-run'];
  if (values['fix-type'] && !fixing) throw new UsageError('--fix-type chooses what --fix or --fix-dry-run repairs; give one of them');
  const fixTypes = fixing ? parseFixTypes(values['fix-type']) : undefined;
  // What the fixes print (a diff, or the fixed standard input) owns standard output; the report moves to standard error.
  const printsText = fixing && (values['fix-dry-run'] || options.inline !== undefined);
  const reportStream = printsText ? io.stderr : io.stdout;
  const toTerminal = (t: ReportTarget) => t.output === undefined;
  const progress = startProgress(io, targets.some((t) => t.format === 'stylish' && toTerminal(t)), `linting ${inputs.join(' ')}`);
  let result;
  let fixed: LintFixResult['fixed'] | undefined;
  try {
    if (fixTypes) ({ result, fixed } = await lintAndFix(inputs, options, fixTypes));
    else result = await lint(inputs, options);
  } finally {
    progress.stop();
  }
  let fixWriteFailed = false;
  if (fixed) fixWriteFailed = !emitFixes(fixed, options, values['fix-dry-run'] === true, io);
  const rootDir = findRepoRoot(process.cwd()) ?? process.cwd();
  const narrowed = await narrowFindings(result, { baseline: values.baseline, reportUnusedBaseline: values['report-unused-baseline'], changedSince: values['changed-since'] }, { inputs, options, rootDir });
  let findings = values.quiet ? narrowed.findings.filter((f) => f.severity === 'error') : narrowed.findings;
  if (stdinFile) findings = findings.map((f) => (f.file === stdinFile.loaded ? { ...f, file: stdinFile.given } : f));
  const summary = narrowed.summary;
  const report = { findings, summary, files: result.files, objects: result.objects, rules: result.rules, texts: result.texts, baselined: narrowed.baselined, unusedBaseline: narrowed.unusedBaseline };
  for (const target of targets) {
    const color = values['no-color'] ? false : values.color ? true : toTerminal(target) && shouldColor(reportStream, io.env);
    const text = REPORTERS[target.format](report, { color, rootDir, toolVersion: kubeknitVersion() });
    if (target.output !== undefined) writeFileSync(target.output, text);
    else reportStream.write(text);
  }
  if (fixWriteFailed) return EXIT.error;

  for (const e of narrowed.unusedBaseline ?? []) io.stderr.write(`kubeknit: unused baseline entry: ${escapeForTerminal(`${e.ruleId} on ${e.object}${e.path ? ` at ${e.path}` : ''} (×${e.count}): ${e.message}`)}\n`);
  // A rule that failed on an object was reported as a finding and the run went on; CI must still fail loudly.
  if (result.findings.some((f) => f.ruleId === INTERNAL_ERROR_RULE)) return EXIT.error;
  if (summary.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    io.stderr.write(`kubeknit: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * Writes the fixed files (`--fix`), or prints their diff (`--fix-dry-run`); fixed standard input is
 * printed, never written. Returns false when a file could not be written.
 */
function emitFixes(fixed: LintFixResult['fixed'], options: LintOptions, dryRun: boolean, io: CliIO): boolean {
  const inline = new Map((options.inline ?? []).map((s) => [s.file, s.text]));
  if (dryRun) {
    io.stdout.write(fixDiff(fixed, (file) => (inline.has(file) ? file : path.relative(process.cwd(), file) || file)));
    return true;
  }
  for (const [file, text] of inline) io.stdout.write(fixed.get(file)?.after ?? text);
  let ok = true;
  for (const [file, { after }] of fixed) {
    if (inline.has(file)) continue;
    const refused = writeFixedFile(file, after);
    if (refused) {
      io.stderr.write(`kubeknit: --fix: ${refused}\n`);
      ok = false;
    }
  }
  return ok;
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number, got "${value}"`);
  return Number(value);
}

function parseJobs(value: string | undefined): number | undefined {
  const jobs = parseCount(value, '--jobs');
  if (jobs === 0) throw new UsageError('--jobs takes a whole number of at least 1, got "0"');
  return jobs;
}

/** `--rule id=severity` flags; `customIds` are the config's custom rules. */
function parseRuleFlags(flags: string[], customIds: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const [id, severity] = flag.split('=');
    if (!findRule(id) && !customIds.includes(id)) throw new UsageError(`--rule ${flag}: unknown rule "${id}" (see "kubeknit rules")`);
    if (!SEVERITY_SETTINGS.includes(severity)) throw new UsageError(`--rule ${flag}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}`);
    rules[id] = severity as RuleSetting;
  }
  return rules;
}

/** `--cluster-inventory` files read into one inventory. */
export function clusterInventoryFlag(files: readonly string[] | undefined): LintOptions['cluster'] {
  return files?.length ? mergeInventories(...files.map(readClusterInventory)) : undefined;
}
