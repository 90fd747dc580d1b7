import { objectLocator } from '../load/object-at.js';
import type { Finding, K8sObject } from '../types.js';
import type { Reporter } from './types.js';

/**
 * JUnit XML for CI test views: one testsuite per file, one testcase per object, one failure per
 * finding. Findings outside any object (a YAML syntax error) go to a testcase named after the file.
 */
export const junit: Reporter = ({ findings, files, objects = [] }) => {
  const objectAt = objectLocator(objects);
  const suites = new Map<string, Map<K8sObject | null, Finding[]>>();
  const suite = (file: string) => {
    let cases = suites.get(file);
    if (!cases) suites.set(file, (cases = new Map()));
    return cases;
  };
  for (const file of files ?? []) suite(file);
  for (const obj of objects) suite(obj.source.file).set(obj, []);
  for (const f of findings) {
    const cases = suite(f.file);
    const obj = objectAt(f.file, f.line, f.column) ?? null;
    if (!cases.has(obj)) cases.set(obj, []);
    cases.get(obj)!.push(f);
  }
  let tests = 0;
  let body = '';
  for (const [file, cases] of suites) {
    const failures = [...cases.values()].reduce((n, list) => n + list.length, 0);
    tests += cases.size;
    body += `  <testsuite name="${xml(file)}" tests="${cases.size}" failures="${failures}" errors="0">\n`;
    for (const [obj, list] of cases) {
      const name = obj ? `${obj.kind} ${obj.namespace === null ? '' : `${obj.namespace}/`}${obj.name}` : file;
      body += `    <testcase name="${xml(name)}" classname="${xml(file)}"${list.length ? '>\n' : '/>\n'}`;
      if (!list.length) continue;
      for (const f of list) {
        body += `      <failure message="${xml(f.message)}" type="${xml(f.ruleId)}">${xml(`${f.severity} at ${f.file}:${f.line}:${f.column}: ${f.message} (${f.ruleId})`)}</failure>\n`;
      }
      body += '    </testcase>\n';
    }
    body += '  </testsuite>\n';
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubeknit" tests="${tests}" failures="${findings.length}" errors="0">\n${body}</testsuites>\n`;
};

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/**
 * Escapes text for XML attributes and content. Characters XML 1.0 cannot hold at all (most
 * control characters, lone surrogates) are written as visible `\uXXXX`.
 */
export function xml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[&<>"'\n\r\t]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (ch) => XML_ENTITIES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
