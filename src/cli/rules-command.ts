import { parseArgs } from 'node:util';
import { presetsOf, type Rule } from '../engine/rule.js';
import { UsageError } from '../load/errors.js';
import { EXIT, type CliIO } from './io.js';
import { RULES_HELP } from './help.js';

/** `kubeknit rules [id]`: the rules of `registry` (the built-in rules, passed in by the CLI entry). */
export async function rulesCommand(args: string[], io: CliIO, registry: readonly Rule[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', short: 'f', default: 'text' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return EXIT.ok;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}"; choose text or json`);
  if (positionals.length > 1) throw new UsageError('kubeknit rules takes at most one rule id');
  const rules = positionals.length ? [lookup(registry, positionals[0])] : registry;
  if (values.format === 'json') {
    io.stdout.write(`${JSON.stringify(rules.map(ruleSummary), null, 2)}\n`);
  } else if (positionals.length) {
    io.stdout.write(ruleDocsText(rules[0]));
  } else {
    io.stdout.write(rulesTable(rules));
  }
  return EXIT.ok;
}

function lookup(registry: readonly Rule[], id: string): Rule {
  const rule = registry.find((r) => r.id === id);
  if (rule) return rule;
  throw new UsageError(`unknown rule "${id}"; "kubeknit rules" lists them`);
}

function ruleSummary(rule: Rule) {
  return { id: rule.id, family: rule.family, severity: rule.severity, presets: presetsOf(rule), fixable: rule.fixable ?? null, description: rule.description, docs: rule.docs, messages: rule.messages, options: rule.options ?? null };
}

function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map((r) => [r.id, r.family, r.severity, presetsOf(r).join(','), r.fixable ?? '', r.description]);
  const header = ['RULE', 'FAMILY', 'SEVERITY', 'PRESETS', 'FIX', 'DESCRIPTION'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < cells.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

function ruleDocsText(rule: Rule): string {
  const indent = (text: string) => text.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
  const fixable = rule.fixable ? `, fixable by --fix${rule.fixable === 'suggestion' ? ' --fix-type suggestion' : ''}` : '';
  let out = `${rule.id} (${rule.family}, default severity ${rule.severity}, presets: ${presetsOf(rule).join(', ')}${fixable})\n\n`;
  out += `${rule.description}.\n\nWhy:\n  ${rule.docs.why}\n\nHow to fix:\n  ${rule.docs.fix}\n`;
  if (rule.docs.bad) out += `\nFails:\n${indent(rule.docs.bad)}\n`;
  if (rule.docs.good) out += `\nPasses:\n${indent(rule.docs.good)}\n`;
  if (rule.options) out += `\nOptions (JSON schema):\n${indent(JSON.stringify(rule.options, null, 2))}\n`;
  return out;
}
