import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { summarize, type Finding } from '../../src/index.js';
import { REPORTERS } from '../../src/report/index.js';

/**
 * Property: whatever strings a manifest puts into file names, object names and messages, every
 * machine format stays parseable, GitHub workflow commands stay one line each, and stylish output
 * carries no raw control character.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('::error::forged', '%0A::warning::x', 'a\r\nb', '\u001b[31mred', '</testcase><x>', ']]>', '"quote\'', '\u0000\u0008\u000b\u007f', 'a,b:c'),
);

const finding = fc.record({
  file: anyText.map((s) => `${s}.yaml`),
  message: anyText,
  name: anyText,
  namespace: fc.option(anyText, { nil: null }),
  line: fc.integer({ min: 1, max: 500 }),
  column: fc.integer({ min: 1, max: 80 }),
  severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<Finding['severity']>,
}).map((f): Finding => ({
  ruleId: 'dangling-service-selector', severity: f.severity, message: f.message, file: f.file,
  line: f.line, column: f.column, endLine: f.line, endColumn: f.column + 1,
  object: { apiVersion: 'v1', kind: 'Service', namespace: f.namespace, name: f.name },
}));

const options = { color: false, cwd: '/repo', rootDir: '/repo', toolVersion: '0.0.0' };

describe(`output formats hold any input string (${RUNS} cases)`, () => {
  it('json, sarif and junit stay valid; github commands stay one line; stylish has no raw control characters', () => {
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 5 }), (findings) => {
        const input = { findings, summary: summarize(findings.length, findings.length, findings) };
        const json = JSON.parse(REPORTERS.json(input, options));
        expect(json.findings.map((f: Finding) => f.message)).toEqual(findings.map((f) => f.message));
        expect(JSON.parse(REPORTERS.sarif(input, options)).runs[0].results).toHaveLength(findings.length);
        expect(XMLValidator.validate(REPORTERS.junit(input, options))).toBe(true);
        const commands = REPORTERS.github(input, options).split('\n').filter((l) => l !== '');
        expect(commands.filter((l) => l.startsWith('::'))).toHaveLength(findings.length);
        for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) /);
        // eslint-disable-next-line no-control-regex
        expect(REPORTERS.stylish(input, options)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: RUNS },
    );
  });
});
