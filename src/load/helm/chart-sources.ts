import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { K8sObject, Range } from '../../types.js';
import { UsageError } from '../errors.js';
import type { LoadResult } from '../index.js';
import { TemplateText } from './template-locate.js';

/** `helm template` writes this line before each document it rendered. */
const SOURCE_COMMENT = /^#\s*Source:\s*(\S+)\s*$/;

/**
 * With `--chart-dir`: objects rendered by `helm template` (their documents start after a
 * `# Source: <chart>/templates/<file>` line) report findings at that template file, at the line of
 * the field's keys where the template text has them, else at the object's first key.
 */
export function mapToChart(loaded: LoadResult, chartDir: string): void {
  const root = path.resolve(chartDir);
  try {
    readFileSync(path.join(root, 'Chart.yaml'));
  } catch {
    throw new UsageError(`--chart-dir ${chartDir}: no Chart.yaml there; name the chart's root folder`);
  }
  const display = (abs: string) => {
    const rel = path.relative(process.cwd(), abs);
    return (path.isAbsolute(chartDir) || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
  };
  const templates = new Map<string, TemplateText | undefined>();
  const template = (file: string) => {
    if (!templates.has(file)) {
      let text: TemplateText | undefined;
      try {
        const raw = readFileSync(file, 'utf8');
        text = new TemplateText(raw);
        loaded.texts.set(display(file), raw);
      } catch {
        text = undefined;
      }
      templates.set(file, text);
    }
    return templates.get(file);
  };
  const bySource = new Map<string, K8sObject[]>();
  const linesOf = new Map<string, string[]>();
  for (const obj of loaded.objects) {
    let lines = linesOf.get(obj.source.file);
    const text = lines ? undefined : loaded.texts.get(obj.source.file);
    if (text !== undefined) linesOf.set(obj.source.file, (lines = text.split('\n')));
    const source = lines ? sourceComment(lines, obj.source.range.start.line) : undefined;
    if (!source) continue;
    const key = `${obj.source.file}\0${source}`;
    const list = bySource.get(key) ?? [];
    list.push(obj);
    bySource.set(key, list);
  }
  for (const [key, objects] of bySource) {
    const source = key.slice(key.indexOf('\0') + 1);
    const file = path.join(root, source.split('/').slice(1).join('/'));
    if (!file.startsWith(root + path.sep)) continue;
    const tpl = template(file);
    if (!tpl) continue;
    const shown = display(file);
    objects.forEach((obj, index) => {
      const documentIndex = tpl.documentFor(obj.kind, index, objects.length);
      const objectRange = documentIndex !== undefined ? tpl.objectRange(documentIndex) : undefined;
      const start: Range = objectRange ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
      obj.source.locateSource = (fieldPath) => ({ file: shown, range: (documentIndex !== undefined ? tpl.locate(documentIndex, fieldPath) : undefined) ?? start });
      obj.source.rendered = { by: 'helm', chart: display(root) };
    });
  }
}

/** The `# Source:` line that heads the document starting at `line` (between it and the `---` before). */
function sourceComment(lines: readonly string[], line: number): string | undefined {
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const l = lines[i].trim();
    if (/^---(\s|$)/.test(l)) return undefined;
    const match = SOURCE_COMMENT.exec(l);
    if (match) return match[1];
  }
  return undefined;
}
