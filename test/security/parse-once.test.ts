import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/index.js';
import { yamlParseCount } from '../../src/load/parse-count.js';
import { tempTree } from '../helpers/temp.js';

/**
 * Each document's text goes through yaml's parser once per run: the template check, the recovery
 * after a syntax error and the locator of findings reuse what the first parse made. The counter
 * counts the characters handed to yaml on this thread.
 */
async function lintCounting(file: string): Promise<{ parsed: number; findings: Array<[string, number, number]>; names: string[] }> {
  const before = yamlParseCount.characters;
  const result = await lint([file], { rules: { 'unknown-kind': 'off' } });
  return {
    parsed: yamlParseCount.characters - before,
    findings: result.findings.map((f) => [f.ruleId, f.line, f.column]),
    names: result.objects.map((o) => o.name),
  };
}

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\n`;
const alertRule = 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: alerts}\nspec:\n  groups:\n  - name: g\n    rules:\n    - alert: Down\n      expr: up == 0\n      annotations: {summary: "{{ $labels.instance }} is down"}\n';
const helmTemplate = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n';
const pod = (name: string, anchor = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: ${anchor}nginx:latest\n`;

describe('each document is parsed once', () => {
  it('a stream with alert text that is data and an unrendered template: the check reads the tokens of the one parse', async () => {
    const text = [configMap('a'), alertRule, helmTemplate, configMap('b')].join('---\n');
    const { parsed, findings, names } = await lintCounting(path.join(tempTree({ 'stream.yaml': text }), 'stream.yaml'));
    expect(names).toEqual(['a', 'alerts', 'b']);
    const templateLine = text.slice(0, text.indexOf('{{ .Release')).split('\n').length;
    expect(findings).toEqual([['unrendered-template', templateLine, 9]]);
    expect(parsed).toBe(text.length);
  });

  it('a text the one parse cannot check as is (a `...` line, a quote left open across `---`) is checked document by document', async () => {
    const endLine = [configMap('a'), `${helmTemplate}...\n`, configMap('b')].join('---\n');
    const openQuote = [configMap('a'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "{{ .Release.Name }}\n', configMap('b')].join('---\n');
    const dir = tempTree({ 'end-line.yaml': endLine, 'open-quote.yaml': openQuote });
    for (const [file, text] of [['end-line.yaml', endLine], ['open-quote.yaml', openQuote]]) {
      const { findings, names } = await lintCounting(path.join(dir, file));
      const at = text.indexOf('{{');
      const line = text.slice(0, at).split('\n').length;
      expect(findings, file).toEqual([['unrendered-template', line, at - text.lastIndexOf('\n', at)]]);
      expect(names, file).toEqual(['a', 'b']);
    }
  });

  it('a syntax error followed by good documents: they are read from the same parse, not by parsing the file again', async () => {
    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: broken\ndata: [x\n';
    const text = [configMap('a'), broken, configMap('b'), configMap('c')].join('---\n');
    const { parsed, findings, names } = await lintCounting(path.join(tempTree({ 'broken.yaml': text }), 'broken.yaml'));
    expect(names).toEqual(['a', 'b', 'c']);
    expect(findings.map(([rule, line]) => [rule, line])).toEqual([['invalid-yaml', 8]]); // where the flow mapping should have closed
    expect(parsed).toBe(text.length);
  });

  it('findings in documents yaml composed (anchors, a directive) are located without parsing again', async () => {
    const anchored = pod('anchored', '&image ');
    const dir = tempTree({ 'anchors.yaml': [pod('plain'), anchored].join('---\n'), 'directive.yaml': `%YAML 1.1\n---\n${pod('directed')}` });
    for (const file of ['anchors.yaml', 'directive.yaml']) {
      const text = file === 'anchors.yaml' ? [pod('plain'), anchored].join('---\n') : `%YAML 1.1\n---\n${pod('directed')}`;
      const { parsed, findings } = await lintCounting(path.join(dir, file));
      const imageLines = text.split('\n').flatMap((line, i) => (line.includes('image:') ? [i + 1] : []));
      // the image line of each Pod carries its latest-tag finding, found in the kept parse
      expect(findings.filter(([rule]) => rule === 'latest-tag').map(([, line]) => line), file).toEqual(imageLines);
      expect(parsed, file).toBe(text.length);
    }
  });
});
