import type { Severity } from '../types.js';
import { rootRelativePath } from './paths.js';
import type { Reporter } from './types.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
 * Escaping keeps text from a manifest from ending the command or starting another one.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export const github: Reporter = ({ findings }, options) => findings.map((f) => {
  const properties = [
    ['file', rootRelativePath(f.file, options)], ['line', f.line], ['col', f.column],
    ['endLine', f.endLine], ['endColumn', f.endColumn], ['title', f.ruleId],
  ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${COMMANDS[f.severity]} ${properties.join(',')}::${escapeData(f.message)}\n`;
}).join('');

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
