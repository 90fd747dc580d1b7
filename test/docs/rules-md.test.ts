import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/index.js';
import { rulesMarkdown } from '../../src/docs/rules-markdown.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('docs/rules.md', () => {
  it('is what `npm run docs` generates from the rule modules (run it when this fails)', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    expect(committed).toBe(rulesMarkdown(RULES));
  });

  it('documents every rule with its presets, why, fix and examples', () => {
    const text = rulesMarkdown(RULES);
    for (const rule of RULES) {
      const section = text.slice(text.indexOf(`\n## ${rule.id}\n`));
      expect(section).toContain(rule.docs.why);
      expect(section).toContain(rule.docs.fix);
      if (rule.docs.bad) expect(section).toContain(rule.docs.bad.trimEnd());
    }
    expect(text).toMatch(/\| \[`unused-disable-directive`\]\(#unused-disable-directive\) \| hygiene \| warning \| all \|/);
  });
});
