import { describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/index.js';
import { yaml } from '../helpers/rule-tester.js';

/** Lints one inline file; returns `ruleId@line` of each finding and the suppressed findings' reasons. */
async function run(text: string, options: LintOptions = {}) {
  const result = await lint([], { ...options, inline: [{ file: 'app.yaml', text }] });
  return {
    findings: result.findings.map((f) => `${f.ruleId}@${f.line}`),
    suppressed: result.suppressed.map((s) => `${s.finding.ruleId}@${s.finding.line} by ${s.by}${s.reason ? `: ${s.reason}` : ''}`),
  };
}

const service = (name: string, annotations = '') => `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${annotations}spec:\n  selector: {app: nothing}\n`;

describe('suppressions', () => {
  it('without any, the findings stand (the cases below start from these)', async () => {
    expect((await run(`${service('a')}---\n${service('b')}`)).findings).toEqual(['dangling-service-selector@6', 'dangling-service-selector@13']);
  });

  it('annotation kubeknit.io/ignore with rule ids, with a reason', async () => {
    const annotated = service('a', '  annotations:\n    kubeknit.io/ignore: "duplicate-object, dangling-service-selector"\n    kubeknit.io/ignore-reason: endpoints are managed by hand\n');
    const result = await run(`${annotated}---\n${service('b')}`);
    expect(result.findings).toEqual(['dangling-service-selector@16']);
    expect(result.suppressed).toEqual(['dangling-service-selector@9 by annotation: endpoints are managed by hand']);
  });

  it('annotation "*" silences every rule on that object only', async () => {
    const result = await run(`${service('a', '  annotations: {kubeknit.io/ignore: "*"}\n')}---\n${service('b')}`);
    expect(result.findings).toEqual(['dangling-service-selector@14']);
  });

  it('an annotation naming another rule silences nothing', async () => {
    const result = await run(service('a', '  annotations: {kubeknit.io/ignore: duplicate-object}\n'));
    expect(result.findings).toEqual(['dangling-service-selector@7']);
  });

  it('# kubeknit-disable-next-line: only the next line, only the named rules, with a reason', async () => {
    const text = yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: a}
      spec:
        # kubeknit-disable-next-line invalid-yaml, dangling-service-selector -- managed by the operator
        selector: {app: nothing}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: b}
      spec:
        # kubeknit-disable-next-line duplicate-object
        selector: {app: nothing}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: c}
      # kubeknit-disable-next-line
      spec:
        selector: {app: nothing}
    `;
    const result = await run(text);
    expect(result.findings).toEqual(['dangling-service-selector@13', 'dangling-service-selector@20']);
    expect(result.suppressed).toEqual(['dangling-service-selector@6 by comment: managed by the operator']);
  });

  it('# kubeknit-disable … # kubeknit-enable over a range, per rule or for all', async () => {
    const objects = ['a', 'b', 'c', 'd'].map((n) => service(n));
    const text = `# kubeknit-disable dangling-service-selector\n${objects[0]}---\n${objects[1]}# kubeknit-enable dangling-service-selector\n---\n${objects[2]}---\n# kubeknit-disable\n${objects[3]}`;
    const result = await run(text);
    expect(result.findings).toEqual(['dangling-service-selector@22']);
    expect(result.suppressed.length).toBe(3);
    // an enable naming another rule does not end the range
    const other = await run(`# kubeknit-disable dangling-service-selector\n${objects[0]}# kubeknit-enable duplicate-object\n---\n${objects[1]}`);
    expect(other.findings).toEqual([]);
  });

  it('# kubeknit-disable-file, for all rules or the named ones', async () => {
    const two = `${service('a')}---\n${service('a')}`;
    // the repeated definition draws duplicate-object and nothing else
    expect((await run(two)).findings).toEqual(['dangling-service-selector@6', 'duplicate-object@11']);
    expect((await run(`${two}# kubeknit-disable-file\n`)).findings).toEqual([]);
    expect((await run(`# kubeknit-disable-file duplicate-object\n${two}`)).findings).toEqual(['dangling-service-selector@7']);
  });

  it('a directive inside a string or block scalar is not a comment', async () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata:\n  script: |\n    # kubeknit-disable-file\n  note: "# kubeknit-disable-file"\n---\n${service('a')}`;
    expect((await run(text)).findings).toEqual(['dangling-service-selector@14']);
  });

  it('--report-unused-disable-directives reports each silencer that silenced nothing', async () => {
    const text = yaml`
      # kubeknit-disable-next-line duplicate-object -- not needed any more
      apiVersion: v1
      kind: Service
      metadata:
        name: a
        annotations: {kubeknit.io/ignore: "dangling-service-selector,invalid-object"}
      spec:
        selector: {app: nothing}
      ---
      # kubeknit-disable dangling-service-selector
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: c}
    `;
    expect((await run(text)).findings).toEqual([]);
    const unused = await lint([], { reportUnusedDisableDirectives: true, inline: [{ file: 'app.yaml', text }] });
    expect(unused.findings.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.severity}`)).toEqual([
      'unused-disable-directive@1:1 warning', 'unused-disable-directive@6:17 warning', 'unused-disable-directive@10:1 warning',
    ]);
    expect(unused.findings[1].message).toBe('unused annotation kubeknit.io/ignore: it silenced no "invalid-object" finding; remove it (or the rule id)');
    expect(unused.findings.map((f) => [f.messageId, f.data])).toEqual([
      ['unusedForRule', { directive: 'kubeknit-disable-next-line comment', rule: 'duplicate-object' }],
      ['unusedForRule', { directive: 'annotation kubeknit.io/ignore', rule: 'invalid-object' }],
      ['unusedForRule', { directive: 'kubeknit-disable comment', rule: 'dangling-service-selector' }],
    ]);
    const bare = await lint([], { reportUnusedDisableDirectives: true, inline: [{ file: 'app.yaml', text: '# kubeknit-disable-file\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' }] });
    expect(bare.findings.map((f) => [f.messageId, f.data, f.message])).toEqual([
      ['unused', { directive: 'kubeknit-disable-file comment' }, 'unused kubeknit-disable-file comment: it silenced no finding; remove it (or the rule id)'],
    ]);
    // the config (or --rule) sets its severity like any rule's
    const asError = await lint([], { reportUnusedDisableDirectives: true, rules: { 'unused-disable-directive': 'error' }, inline: [{ file: 'app.yaml', text }] });
    expect(asError.summary.errors).toBe(3);
  });
});
