import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/rule.js';
import { findConfigFile, findRepoRoot, lint, loadConfigFile, RULES, type LintOptions } from '../../src/index.js';
import { tempTree } from '../helpers/temp.js';
import { yaml } from '../helpers/rule-tester.js';

const danglingService = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: nothing}\n`;

/** Writes a config into a fresh folder and loads it. */
async function configFrom(text: string, name = '.kubeknit.yaml') {
  const dir = tempTree({ [name]: text });
  return loadConfigFile(path.join(dir, name));
}

/** The error message a bad config gives (`file:line:col: …`). */
async function configError(text: string, name = '.kubeknit.yaml'): Promise<string> {
  try {
    await configFrom(text, name);
  } catch (err) {
    expect((err as Error).name).toBe('ConfigError');
    return (err as Error).message;
  }
  throw new Error('config was accepted');
}

async function lintInline(files: Record<string, string>, options: LintOptions) {
  return lint([], { ...options, inline: Object.entries(files).map(([file, text]) => ({ file, text })) });
}

describe('finding the config file', () => {
  it('searches from the folder upwards and stops at the repository root', () => {
    const root = tempTree({ 'repo/.git/HEAD': '', 'repo/.kubeknit.yml': 'rules: {}\n', 'repo/deploy/app/x.yaml': '', '.kubeknit.yaml': 'rules: {}\n', 'repo/sub/.kubeknit.json': '{}' });
    expect(findConfigFile(path.join(root, 'repo/deploy/app'))).toBe(path.join(root, 'repo/.kubeknit.yml'));
    expect(findConfigFile(path.join(root, 'repo/sub'))).toBe(path.join(root, 'repo/sub/.kubeknit.json'));
    expect(findRepoRoot(path.join(root, 'repo/deploy'))).toBe(path.join(root, 'repo'));
    // the .kubeknit.yaml above the repository root is not used
    mkdirSync(path.join(root, 'repo/empty'));
    const noConfig = tempTree({ 'r/.git/HEAD': '', 'r/a/b.yaml': '', '.kubeknit.yaml': 'rules: {}\n' });
    expect(findConfigFile(path.join(noConfig, 'r/a'))).toBeUndefined();
  });
});

describe('config keys', () => {
  it('extends picks the preset (unused-disable-directive is only in "all")', async () => {
    const text = '# kubeknit-disable-next-line duplicate-object\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
    const all = await lintInline({ 'a.yaml': text }, { config: await configFrom('extends: all\n') });
    expect(all.findings.filter((f) => f.ruleId === 'unused-disable-directive').map((f) => `${f.ruleId}@${f.line}`)).toEqual(['unused-disable-directive@1']);
    const recommended = await lintInline({ 'a.yaml': text }, { config: await configFrom('extends: recommended\n') });
    expect(recommended.findings.filter((f) => f.ruleId === 'unused-disable-directive')).toEqual([]);
  });

  it('kubernetesVersion and schemaLocations are resolved (relative folders from the config folder)', async () => {
    const config = await configFrom('kubernetesVersion: "1.33"\nschemaLocations: [schemas/crds, "https://example.com/{{.ResourceKind}}.json"]\n');
    expect(config.kubernetesVersion).toBe('1.33');
    expect(config.schemaLocations).toEqual([path.join(config.baseDir, 'schemas/crds'), 'https://example.com/{{.ResourceKind}}.json']);
    expect(await configError('kubernetesVersion: 2.0\n')).toMatch(/^\S*\.kubeknit\.yaml:1:1: kubernetesVersion: must be string/);
  });

  it('rules: a severity, off, or { severity }', async () => {
    const config = await configFrom('rules:\n  dangling-service-selector: warning\n  duplicate-object: off\n  invalid-object: {severity: info}\n');
    const result = await lintInline({ 'a.yaml': `${danglingService('a')}---\n${danglingService('b')}---\n${danglingService('b')}---\nkind: Foo\n` }, { config });
    expect(result.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['dangling-service-selector:warning', 'dangling-service-selector:warning', 'invalid-object:info']);
  });

  it('rules: options are checked against the rule\'s JSON schema', async () => {
    const tunable = defineRule({
      id: 'tunable', family: 'hygiene', severity: 'warning', presets: [], description: 'x', docs: { why: 'x', fix: 'x' }, messages: { x: 'x' },
      options: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 1 } } },
      defaultOptions: { max: 3 },
      check() {},
    });
    const dir = tempTree({ 'ok.yaml': 'rules:\n  tunable: {options: {max: 5}}\n', 'bad.yaml': 'rules:\n  tunable:\n    options:\n      max: 0\n', 'none.yaml': 'rules:\n  invalid-yaml: {options: {x: 1}}\n' });
    const ok = await loadConfigFile(path.join(dir, 'ok.yaml'), [...RULES, tunable]);
    expect(ok.rules.tunable).toEqual({ options: { max: 5 } });
    await expect(loadConfigFile(path.join(dir, 'bad.yaml'), [...RULES, tunable])).rejects.toThrow(/bad\.yaml:4:7: rules\.tunable\.options\.max: must be >= 1/);
    await expect(loadConfigFile(path.join(dir, 'none.yaml'))).rejects.toThrow(/none\.yaml:2:18: rules\.invalid-yaml\.options: rule "invalid-yaml" takes no options/);
  });

  it('overrides: later entries win, ! excludes, globs are relative to the config folder', async () => {
    const config = await configFrom(yaml`
      rules: {dangling-service-selector: error}
      overrides:
        - files: ["legacy/**"]
          rules: {dangling-service-selector: warning}
        - files: ["legacy/keep/**"]
          rules: {dangling-service-selector: info}
        - files: ["**/*.yaml", "!legacy/**", "!strict/**"]
          rules: {dangling-service-selector: off}
    `);
    const at = (file: string) => path.relative(process.cwd(), path.join(config.baseDir, file));
    const files = { [at('legacy/a.yaml')]: danglingService('a'), [at('legacy/keep/b.yaml')]: danglingService('b'), [at('other/c.yaml')]: danglingService('c'), [at('strict/d.yaml')]: danglingService('d') };
    const result = await lintInline(files, { config });
    const byName = Object.fromEntries(result.findings.map((f) => [f.object?.name, f.severity]));
    expect(byName).toEqual({ a: 'warning', b: 'info', d: 'error' });
    // settings given directly (command-line flags) win over every override
    const flags = await lintInline(files, { config, rules: { 'dangling-service-selector': 'warning' } });
    expect(flags.findings.map((f) => `${f.object?.name}:${f.severity}`)).toEqual(['a:warning', 'b:warning', 'c:warning', 'd:warning']);
  });

  it('ignore: matching files are not linted at all', async () => {
    const dir = tempTree({ '.kubeknit.yaml': 'ignore: ["vendor/**", "*.generated.yaml"]\n', 'vendor/x.yaml': danglingService('x'), 'app/y.generated.yaml': danglingService('y'), 'app/z.yaml': danglingService('z') });
    const config = await loadConfigFile(path.join(dir, '.kubeknit.yaml'));
    const result = await lint([dir], { config });
    expect(result.files.map((f) => path.relative(dir, f))).toEqual(['app/z.yaml']);
  });

  it('customRules: match kinds, namespaces and labels; the finding points at the failing field', async () => {
    const config = await configFrom(yaml`
      customRules:
        - id: require-owner-label
          severity: error
          message: every workload needs an owner label
          match: {kinds: [Deployment], namespaces: [shop], labels: {tier: front}}
          schema:
            required: [metadata]
            properties: {metadata: {required: [labels], properties: {labels: {required: [owner]}}}}
        - id: no-host-network
          message: Pods must not use the host network
          match: {kinds: [Pod]}
          schema:
            properties: {spec: {properties: {hostNetwork: {const: false}}}}
    `);
    const deployment = (ns: string, labels: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${labels.length}\n  namespace: ${ns}\n  labels: {${labels}}\nspec: {}\n`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostNetwork: true\n  containers: []\n';
    const result = await lintInline({
      'a.yaml': deployment('shop', 'tier: front'), 'b.yaml': deployment('shop', 'tier: front, owner: team-a'),
      'c.yaml': deployment('other', 'tier: front'), 'd.yaml': deployment('shop', 'tier: back'), 'e.yaml': pod,
    }, { config });
    expect(result.findings.filter((f) => ['require-owner-label', 'no-host-network'].includes(f.ruleId)).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      'a.yaml:6:3 require-owner-label error', 'e.yaml:5:3 no-host-network warning',
    ]);
    const custom = result.findings.filter((f) => ['require-owner-label', 'no-host-network'].includes(f.ruleId));
    expect(custom[0].message).toBe('every workload needs an owner label: metadata.labels: missing required field "owner"');
    expect(custom[1].message).toBe('Pods must not use the host network: spec.hostNetwork: must be false');
    expect(result.rules.map((r) => r.id)).toContain('no-host-network');
  });

  it('accepts JSON and an empty file', async () => {
    expect((await configFrom('{"extends": "strict", "rules": {"invalid-yaml": "warning"}}', '.kubeknit.json')).preset).toBe('strict');
    expect((await configFrom('# nothing yet\n')).rules).toEqual({});
  });
});

describe('a bad config names the file, the line and what is wrong', () => {
  it('YAML syntax', async () => {
    expect(await configError('rules:\n  a: [b\n')).toMatch(/\.kubeknit\.yaml:\d+:\d+: not valid YAML/);
  });

  it('unknown keys and rule ids, with a did-you-mean', async () => {
    expect(await configError('extends: strict\nrule:\n  invalid-yaml: off\n')).toMatch(/\.kubeknit\.yaml:2:1: rule: unknown field "rule"; did you mean "rules"\?$/);
    expect(await configError('overrides:\n  - files: ["*.yaml"]\n    rules:\n      dangling-service-selectr: warning\n'))
      .toMatch(/:4:7: overrides\[0\]\.rules\.dangling-service-selectr: unknown rule "dangling-service-selectr"; did you mean "dangling-service-selector"\?$/);
    expect(await configError('rules: {frobnicate: error}\n')).toMatch(/unknown rule "frobnicate"$/);
  });

  it('wrong values', async () => {
    expect(await configError('extends: recomended\n')).toMatch(/:1:1: extends: must be one of: "recommended", "strict", "all", "pss-baseline", "pss-restricted"$/);
    expect(await configError('rules:\n  invalid-yaml: warn\n')).toMatch(/:2:3: rules\.invalid-yaml: must be one of: "off", "info", "warning", "error"$/);
    expect(await configError('rules:\n  invalid-yaml: {severity: high}\nignore: 3\n')).toMatch(/:2:18: rules\.invalid-yaml\.severity: must be one of: .* \(and 1 more problem\)$/);
  });

  it('custom rules that clash or have a broken schema', async () => {
    expect(await configError('customRules:\n  - {id: invalid-yaml, message: m, schema: {}}\n')).toMatch(/:2:6: customRules\[0\]\.id: "invalid-yaml" is the id of a built-in rule/);
    expect(await configError('customRules:\n  - id: x\n    message: m\n    schema: {type: 12}\n')).toMatch(/:4:5: customRules\[0\]\.schema: not a usable JSON schema/);
  });
});
