import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, lint, loadConfigFile } from '../../src/index.js';

function configFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kubeknit-config-')), '.kubeknit.yaml');
  writeFileSync(file, text);
  return file;
}

describe('regular expressions in a config from the repository', () => {
  it('a customRules pattern that backtracks catastrophically runs in linear time', async () => {
    const config = await loadConfigFile(configFile(`customRules:
  - id: name-shape
    message: names must be a's
    match: {kinds: [ConfigMap]}
    schema: {properties: {metadata: {properties: {name: {pattern: "^(a+)+$"}}}}}
`));
    const name = `${'a'.repeat(5000)}b`;
    const result = await lint([], { config, inline: [{ file: 'cm.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: x}\n` }] });
    expect(result.findings.filter((f) => f.ruleId === 'name-shape')).toHaveLength(1);
  });

  it('an invalid regular expression in namePatterns is a config error naming the place, not an internal error', async () => {
    const file = configFile('rules:\n  secret-in-env-literal:\n    severity: error\n    options: {namePatterns: ["(unclosed"]}\n');
    const error = await loadConfigFile(file).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/namePatterns\/0|namePatterns\[0\]/);
  });
});
