import { parseArgs } from 'node:util';
import { UsageError } from '../load/errors.js';
import { importOpenApiDir } from '../schema/import.js';
import { EMBEDDED_SCHEMA_DIR } from '../schema/store.js';
import { SCHEMAS_HELP } from './help.js';
import { EXIT, type CliIO } from './io.js';

/** `kubeknit schemas import <dir...> [--out DIR] [--kube-version X.Y]`. */
export async function schemasCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'kube-version': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [action, ...dirs] = positionals;
  if (values.help || action === undefined) {
    io.stdout.write(SCHEMAS_HELP);
    return values.help ? EXIT.ok : EXIT.error;
  }
  if (action !== 'import') throw new UsageError(`unknown schemas action "${action}"; use: kubeknit schemas import <dir>`);
  if (!dirs.length) throw new UsageError('schemas import needs a folder of OpenAPI v3 documents');
  if (values['kube-version'] !== undefined && dirs.length > 1) throw new UsageError('--kube-version names one version; import one folder at a time with it');
  const out = values.out ?? EMBEDDED_SCHEMA_DIR;
  for (const dir of dirs) {
    let result;
    try {
      result = importOpenApiDir(dir, out, values['kube-version']);
    } catch (err) {
      throw new UsageError(err instanceof Error ? err.message : String(err));
    }
    io.stdout.write(`${result.file}: Kubernetes ${result.kubernetesVersion}, ${result.kinds} kinds, ${result.definitions} definitions\n`);
  }
  return EXIT.ok;
}
