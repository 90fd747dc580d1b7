import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, RULES, type LintResult } from '../../src/index.js';
import { REPORTERS, type ReportInput } from '../../src/report/index.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { pairFormatsWithOutputs } from '../../src/cli/report-targets.js';

/** A name that tries to break out of every format: percent, CR/LF, colon, comma, XML specials, a control character. */
const HOSTILE_NAME = 'x%y\r\n::error::forged,a:b <&"\'>\u0001';
const WEB = 'deploy/web app.yaml';
const webText = `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: nothing}\n`;
const hostileText = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${JSON.stringify(HOSTILE_NAME)}\nspec:\n  selector: {app: none}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: fine}\n`;

let result: LintResult;
let input: ReportInput;
const options = { color: false, cwd: '/repo/sub', rootDir: '/repo', toolVersion: '9.8.7' };

beforeAll(async () => {
  result = await lint([], { inline: [{ file: WEB, text: webText }, { file: 'evil.yaml', text: hostileText }, { file: 'broken.yaml', text: 'a: [\n' }] });
  input = { findings: result.findings, summary: result.summary, files: result.files, objects: result.objects, rules: result.rules };
});

describe('--format sarif', () => {
  it('is SARIF 2.1.0 with one run and every rule described', () => {
    const log = JSON.parse(REPORTERS.sarif(input, options));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'kubeknit', version: '9.8.7', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const dangling = driver.rules.find((r: { id: string }) => r.id === 'dangling-service-selector');
    const rule = RULES.find((r) => r.id === 'dangling-service-selector')!;
    expect(dangling.shortDescription).toEqual({ text: rule.description });
    expect(dangling.fullDescription).toEqual({ text: rule.docs.why });
    expect(dangling.help.text).toBe(rule.docs.fix);
    expect(dangling.help.markdown).toContain('```yaml');
    expect(dangling.defaultConfiguration).toEqual({ level: 'error' });
    expect(driver.rules.find((r: { id: string }) => r.id === 'unused-disable-directive').defaultConfiguration).toEqual({ level: 'warning' });
  });

  it('results carry rule, level, message and a region relative to %SRCROOT%', () => {
    const log = JSON.parse(REPORTERS.sarif(input, options));
    const results = log.runs[0].results;
    expect(results).toHaveLength(result.findings.length);
    const web = results.find((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri.includes('web'));
    const finding = result.findings.find((f) => f.file === WEB)!;
    expect(web.ruleId).toBe('dangling-service-selector');
    expect(log.runs[0].tool.driver.rules[web.ruleIndex].id).toBe('dangling-service-selector');
    expect(web.level).toBe('error');
    expect(web.message).toEqual({ text: finding.message });
    expect(web.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'sub/deploy/web%20app.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 3, endLine: finding.endLine, endColumn: finding.endColumn },
    });
    // kubeknitBaseline/v1 is the file-independent fingerprint `kubeknit baseline` writes (docs/pull-requests.md).
    expect(Object.keys(web.partialFingerprints).sort()).toEqual(['kubeknitBaseline/v1', 'kubeknitFinding/v1']);
    for (const print of Object.values(web.partialFingerprints)) expect(print).toMatch(/^[0-9a-f]{32}$/);
    expect(web.baselineState).toBeUndefined(); // only with --baseline
  });

  it('partialFingerprints survive unrelated edits and tell findings apart', async () => {
    const fingerprints = async (text: string) => {
      const moved = await lint([], { inline: [{ file: 'a.yaml', text }] });
      const log = JSON.parse(REPORTERS.sarif({ findings: moved.findings, summary: moved.summary }, options));
      return log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]);
    };
    const original = await fingerprints(webText);
    const edited = await fingerprints(`# a comment\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: new}\n---\n${webText}`);
    expect(edited).toEqual(original);
    const two = await fingerprints(`${webText}---\n${webText.replace('name: web', 'name: api')}`);
    expect(new Set(two).size).toBe(2);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding, exactly', () => {
    const out = REPORTERS.github({ findings: result.findings.filter((f) => f.file === WEB), summary: result.summary }, options);
    const f = result.findings.find((x) => x.file === WEB)!;
    expect(out).toBe(`::error file=sub/deploy/web app.yaml,line=5,col=3,endLine=${f.endLine},endColumn=${f.endColumn},title=dangling-service-selector::Service "web" selects no Pod in namespace "shop": no Pod template has the labels app=nothing\n`);
  });

  it('escapes text from manifests so it cannot end the command or forge another', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const out = REPORTERS.github(input, options);
    const lines = out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(result.findings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::/);
    const evil = lines.find((l) => l.includes('evil.yaml'))!;
    expect(evil).toContain('x%25y%0D%0A::error::forged,a:b');
    expect(lines.filter((l) => l.startsWith('::error::'))).toEqual([]);
  });
});

describe('--format junit', () => {
  it('is valid XML: one testsuite per file, one testcase per object, one failure per finding', () => {
    const text = REPORTERS.junit(input, options);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name) }).parse(text);
    const suites = doc.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; failure?: Array<{ type: string; message: string }> }> }>;
    expect(suites.map((s) => s.name).sort()).toEqual(['broken.yaml', WEB, 'evil.yaml'].sort());
    expect(Number(doc.testsuites.failures)).toBe(result.findings.length);
    const evil = suites.find((s) => s.name === 'evil.yaml')!;
    expect(evil.testcase.map((c) => c.name)).toEqual([`Service default/${HOSTILE_NAME.replace('\u0001', '\\u0001')}`, 'ConfigMap default/fine']);
    // The hostile name also breaks the API's name rules (invalid-metadata); the relationship finding is there too.
    const failures = evil.testcase[0].failure!;
    expect(failures.map((f) => f.type)).toContain('dangling-service-selector');
    expect(failures.find((f) => f.type === 'dangling-service-selector')!.message).toContain('::error::forged,a:b <&"\'>');
    expect(evil.testcase[1].failure).toBeUndefined();
    expect(evil).toMatchObject({ tests: '2', failures: String(failures.length) });
    const broken = suites.find((s) => s.name === 'broken.yaml')!;
    expect(broken.testcase.map((c) => c.name)).toEqual(['broken.yaml']);
    expect(broken.testcase[0].failure!.map((f) => f.type)).toEqual(['invalid-yaml']);
  });
});

describe('--format/--output pairs', () => {
  const option = (name: string, value: string) => ({ kind: 'option', name, value });
  it('pairs each output with the format before it (or after it when it comes first)', () => {
    expect(pairFormatsWithOutputs([])).toEqual([{ format: 'stylish' }]);
    expect(pairFormatsWithOutputs([option('format', 'stylish'), option('format', 'sarif'), option('output', 'k.sarif')])).toEqual([{ format: 'stylish' }, { format: 'sarif', output: 'k.sarif' }]);
    expect(pairFormatsWithOutputs([option('output', 'r.json'), option('format', 'json')])).toEqual([{ format: 'json', output: 'r.json' }]);
    expect(pairFormatsWithOutputs([option('output', 'r.txt')])).toEqual([{ format: 'stylish', output: 'r.txt' }]);
    expect(() => pairFormatsWithOutputs([option('format', 'json'), option('format', 'sarif')])).toThrow(/only one --format can write to standard output/);
  });
});
