import { describe, expect, it } from 'vitest';
import { lint, UsageError } from '../../src/index.js';
import { runRule } from '../helpers/rule-tester.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: "nginx:main"}]\n';

describe('rule options given to lint() directly', () => {
  it('are checked against the rule schema: a wrong type is a usage error naming the option', async () => {
    const run = lint([], { inline: [{ file: 'a.yaml', text: POD }], rules: { 'latest-tag': { options: { floatingTags: 'main' } } } });
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow('rules.latest-tag.options.floatingTags: must be array');
  });

  it('name an unknown option', async () => {
    const run = lint([], { inline: [{ file: 'a.yaml', text: POD }], rules: { 'latest-tag': { options: { floatingTag: ['main'] } } } });
    await expect(run).rejects.toThrow('rules.latest-tag.options.floatingTag: unknown field "floatingTag"');
  });

  it('are refused for a rule that takes none', async () => {
    await expect(lint([], { inline: [{ file: 'a.yaml', text: POD }], rules: { 'invalid-yaml': { options: { strict: true } } } })).rejects.toThrow('rule "invalid-yaml" takes no options');
  });

  it('that fit the schema are used', async () => {
    const result = await lint([], { inline: [{ file: 'a.yaml', text: POD }], rules: { 'latest-tag': { options: { floatingTags: ['main'] } } } });
    expect(result.findings.filter((f) => f.ruleId === 'latest-tag')).toHaveLength(1);
  });
});

describe('the rule tester', () => {
  it('fails a case whose options do not fit the rule schema', async () => {
    await expect(runRule('latest-tag', POD, { floatingTags: [1] })).rejects.toThrow('rules.latest-tag.options.floatingTags[0]: must be string');
  });
});
