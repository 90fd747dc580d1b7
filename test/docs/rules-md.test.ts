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

  it('has a section, linked from the index, for every rule a user can name', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    const sections = [...text.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    const indexed = [...text.matchAll(/^\| \[`([^`]+)`\]\(#\1\) \|/gm)].map((m) => m[1]);
    const ids = RULES.map((r) => r.id);
    expect(sections).toEqual(ids);
    expect(indexed).toEqual(ids);
  });
});
