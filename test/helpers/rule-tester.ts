import { describe, expect, it } from 'vitest';
import { findRule, lint, type Finding, type LintOptions } from '../../src/index.js';

/** Run-wide settings a case may set (target Kubernetes version, schema locations…). */
export type RunOptions = Pick<LintOptions, 'kubernetesVersion' | 'schemaLocations' | 'ignoreMissingSchemas'>;

export interface ValidCase {
  name: string;
  yaml: string;
  options?: Record<string, unknown>;
  run?: RunOptions;
}

export interface ExpectedFinding {
  line: number;
  column?: number;
  /** A fragment of the message, or a pattern it must match. */
  message?: string | RegExp;
  /** The id of the rule's message template the finding used, and (some of) the data filling it. */
  messageId?: string;
  data?: Finding['data'];
  severity?: Finding['severity'];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
  /** Parse-level findings may have no object (the document never became one). */
  allowNoObject?: boolean;
}

/** Lints one YAML text with only the rule under test, as ESLint's RuleTester does. */
export async function runRule(ruleId: string, yaml: string, options?: Record<string, unknown>, run: RunOptions = {}): Promise<Finding[]> {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const result = await lint([], { ...run, preset: 'all', inline: [{ file: 'test.yaml', text: yaml }], rules: { [ruleId]: { severity: rule.severity, options } } });
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** A table of valid and invalid YAML snippets for one rule. */
export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        expect(await runRule(ruleId, c.yaml, c.options, c.run)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const findings = await runRule(ruleId, c.yaml, c.options, c.run);
        expect(findings.map((f) => f.line), findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n')).toEqual(c.findings.map((f) => f.line));
        c.findings.forEach((want, i) => {
          const got = findings[i];
          if (want.column !== undefined) expect(got.column).toBe(want.column);
          if (typeof want.message === 'string') expect(got.message).toContain(want.message);
          else if (want.message) expect(got.message).toMatch(want.message);
          // every finding is reported by one of the rule's declared message ids (rules as a contract)
          expect(got.messageId, `"${got.message}" is not reported by a declared message id`).toBeDefined();
          if (want.messageId !== undefined) expect(got.messageId).toBe(want.messageId);
          if (want.data !== undefined) expect(got.data).toMatchObject(want.data);
          if (want.severity) expect(got.severity).toBe(want.severity);
          expect(got.file).toBe('test.yaml');
          if (!c.allowNoObject) expect(got.object).not.toBeNull();
        });
      });
    }
  });
}

/** Strips the common indentation of a template literal so YAML snippets can be indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
