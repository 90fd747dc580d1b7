import { UsageError } from '../load/errors.js';

/** One report to write: a format, to a file or (no output) to standard output. */
export interface ReportTarget {
  format: string;
  output?: string;
}

interface OptionToken {
  kind: string;
  name?: string;
  value?: string;
}

/**
 * Pairs `--format` and `--output` flags in the order given: an output belongs to the format just
 * before it (`-f sarif -o x.sarif`), or to the next one when it comes first (`-o r.json -f json`).
 * An output without any format gets stylish; without flags, stylish goes to standard output.
 */
export function pairFormatsWithOutputs(tokens: readonly OptionToken[]): ReportTarget[] {
  const targets: Array<{ format?: string; output?: string }> = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const last = targets[targets.length - 1];
    if (token.name === 'format') {
      if (last && last.format === undefined) last.format = token.value;
      else targets.push({ format: token.value });
    } else if (token.name === 'output') {
      if (last && last.output === undefined) last.output = token.value;
      else targets.push({ output: token.value });
    }
  }
  const resolved = targets.map((t) => ({ format: t.format ?? 'stylish', ...(t.output !== undefined ? { output: t.output } : {}) }));
  if (!resolved.length) resolved.push({ format: 'stylish' });
  if (resolved.filter((t) => t.output === undefined).length > 1) {
    throw new UsageError('only one --format can write to standard output; give the others an --output file');
  }
  return resolved;
}
