import type { Finding, Severity } from '../types.js';
import { ANSI, PLAIN } from './colors.js';
import { escapeForTerminal } from './escape.js';
import type { Reporter } from './types.js';

/** ESLint-like report: findings grouped per file, then a summary line. */
export const stylish: Reporter = ({ findings, summary }, { color }) => {
  const c = color ? ANSI : PLAIN;
  const held = heldBack(summary);
  if (findings.length === 0) {
    return `${c.green('✔')} no problems (${plural(summary.files, 'file')}, ${plural(summary.objects, 'object')}${held})\n`;
  }
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const severityText: Record<Severity, string> = { error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info') };
  let out = '';
  for (const [file, list] of byFile) {
    out += `\n${c.underline(escapeForTerminal(file))}\n`;
    const rows = list.map((f) => [`${f.line}:${f.column}`, f.severity, escapeForTerminal(f.message), f.ruleId] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, sev, message, ruleId] of rows) {
      out += `  ${c.dim(pos.padEnd(posWidth))}  ${severityText[sev]}${' '.repeat(sevWidth - sev.length)}  ${message}  ${c.dim(ruleId)}\n`;
    }
  }
  const total = summary.errors + summary.warnings + summary.infos;
  const line = `✖ ${plural(total, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')})`;
  const colored = summary.errors ? c.red(c.bold(line)) : summary.warnings ? c.yellow(c.bold(line)) : c.bold(line);
  return `${out}\n${colored} in ${plural(summary.files, 'file')}, ${plural(summary.objects, 'object')}${held}\n`;
};

/** What --baseline and --changed-since left out, e.g. `; 12 baselined`. */
function heldBack(summary: { baselined?: number; unchanged?: number }): string {
  let text = '';
  if (summary.baselined !== undefined) text += `; ${summary.baselined} baselined`;
  if (summary.unchanged !== undefined) text += `; ${summary.unchanged} on objects the change left alone`;
  return text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
