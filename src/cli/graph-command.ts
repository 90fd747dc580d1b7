import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findConfigFile } from '../config/index.js';
import { resolveFocus, viewGraph, type GraphFilter } from '../graph/view.js';
import { lint, loadConfigFile } from '../index.js';
import { UsageError } from '../load/errors.js';
import { findingNodeId } from '../report/graph/diagram.js';
import { GRAPH_RENDERERS } from '../report/graph/index.js';
import { GRAPH_HELP } from './help.js';
import { clusterInventoryFlag } from './lint-command.js';
import { EXIT, readStdinInput, type CliIO } from './io.js';

export async function graphCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      output: { type: 'string', short: 'o' },
      namespace: { type: 'string', short: 'n' },
      'only-namespace': { type: 'string' },
      'cluster-inventory': { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      focus: { type: 'string' },
      impact: { type: 'string' },
      depth: { type: 'string' },
      'hide-implied': { type: 'boolean' },
      'only-findings': { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      config: { type: 'string', short: 'c' },
      'no-config': { type: 'boolean' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(GRAPH_HELP);
    return EXIT.ok;
  }
  const format = values.format ?? 'json';
  const render = Object.hasOwn(GRAPH_RENDERERS, format) ? GRAPH_RENDERERS[format] : undefined;
  if (!render) throw new UsageError(`unknown graph format "${format}"; choose one of: ${Object.keys(GRAPH_RENDERERS).join(', ')}`);
  if (values.depth !== undefined && !/^\d+$/.test(values.depth)) throw new UsageError(`--depth takes a whole number, got "${values.depth}"`);

  const inputs = positionals.length ? positionals : ['.'];
  const inline = inputs.includes('-') ? [{ file: values['stdin-filename'] ?? '<stdin>', text: await readStdinInput(io.stdin) }] : undefined;
  // The config applies as in `kubeknit lint`: its ignore list, rule settings (so the findings
  // marked on the diagram are the ones lint reports) and schema settings.
  const configFile = values['no-config'] ? undefined : (values.config ?? findConfigFile(process.cwd()));
  const config = configFile !== undefined ? await loadConfigFile(configFile) : undefined;
  // The lint run gives the graph and the findings diagrams mark on their objects.
  const { graph, findings } = await lint(inputs, { inline, config, namespace: values.namespace, cluster: clusterInventoryFlag(values['cluster-inventory']) });
  const filter: GraphFilter = {
    namespace: values['only-namespace'],
    kinds: values.kind?.flatMap((k) => k.split(',')),
    depth: values.depth === undefined ? undefined : Number(values.depth),
    hideImplied: values['hide-implied'],
    around: values['only-findings'] ? [...new Set(findings.map(findingNodeId).filter((id): id is string => id !== null))] : undefined,
  };
  if (values.focus !== undefined) {
    const node = resolveFocus(graph, values.focus);
    if (!node) throw new UsageError(`--focus ${values.focus}: no such object in the input (write Kind/namespace/name, or Kind/name for cluster-scoped kinds)`);
    filter.focus = node.id;
  }
  if (values.impact !== undefined) {
    const node = resolveFocus(graph, values.impact);
    if (!node) throw new UsageError(`--impact ${values.impact}: no such object in the input (write Kind/namespace/name, or Kind/name for cluster-scoped kinds)`);
    filter.impact = node.id;
  }
  const text = await render(viewGraph(graph, filter), { findings });
  if (values.output) writeFileSync(values.output, text);
  else io.stdout.write(text);
  return EXIT.ok;
}
