import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findConfigFile, findRepoRoot } from '../config/index.js';
import { lint, loadConfigFile } from '../index.js';
import { UsageError } from '../load/errors.js';
import { diffFails, diffRevisions } from '../pr/diff.js';
import { repositoryRoot, resolveCommit } from '../pr/git.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../pr/report.js';
import { lintRevision } from '../pr/revision.js';
import { DIFF_HELP } from './help.js';
import { EXIT, type CliIO } from './io.js';
import { clusterInventoryFlag } from './lint-command.js';

/** `kubeknit diff <base-ref> [<head-ref>]`: what a change does to objects, relationships and findings. */
export async function diffCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      output: { type: 'string', short: 'o' },
      path: { type: 'string', short: 'p', multiple: true },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      namespace: { type: 'string', short: 'n' },
      'cluster-inventory': { type: 'string', multiple: true },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(DIFF_HELP);
    return EXIT.ok;
  }
  const format = values.format ?? 'stylish';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown diff format "${format}"; choose one of: ${DIFF_FORMATS.join(', ')}`);
  const [baseRef, headRef, ...extra] = positionals;
  if (baseRef === undefined) throw new UsageError('diff needs a base revision: kubeknit diff <base-ref> [<head-ref>] (see kubeknit diff --help)');
  if (extra.length) throw new UsageError(`diff takes at most two revisions, got ${positionals.length}; give paths with --path`);

  const cwd = process.cwd();
  const root = await repositoryRoot(cwd);
  const baseCommit = await resolveCommit(baseRef, root);
  const headCommit = headRef === undefined ? null : await resolveCommit(headRef, root);
  const inputs = values.path?.length ? values.path : ['.'];
  const configFile = values['no-config'] ? undefined : (values.config ?? findConfigFile(cwd));
  // Both revisions are judged against the same namespace and the same cluster: the working tree's inventory files.
  const options = {
    config: configFile !== undefined ? await loadConfigFile(configFile) : undefined,
    namespace: values.namespace,
    cluster: clusterInventoryFlag(values['cluster-inventory']),
  };
  const where = { root, cwd };
  const base = await lintRevision(baseCommit, inputs, options, where);
  const head = headCommit === null ? await lint(inputs, options) : await lintRevision(headCommit, inputs, options, where);
  const diff = diffRevisions(base, head, {
    base: { ref: baseRef, commit: baseCommit },
    head: { ref: headRef ?? 'working tree', commit: headCommit },
    rootDir: findRepoRoot(cwd) ?? root,
  });
  const text = renderDiff(diff, format as DiffFormat);
  if (values.output) writeFileSync(values.output, text);
  else io.stdout.write(text);
  return diffFails(diff) ? EXIT.findings : EXIT.ok;
}
