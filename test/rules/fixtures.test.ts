import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRule, lint } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * Runs every rule over its fixture folder `test/fixtures/<rule-id>/`: each `fail*.yaml` must get a
 * finding of that rule on exactly the lines marked `# expect: <rule-id>`, each `pass*.yaml` none.
 */
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
// Folders of a rule that hold other support files (e.g. CRDs for schema tests) have no pass/fail files.
const ruleDirs = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && findRule(d.name) && readdirSync(path.join(FIXTURES, d.name)).some((f) => /^(pass|fail)/.test(f)))
  .map((d) => d.name);

describe.each(ruleDirs)('fixtures of %s', (ruleId) => {
  const dir = path.join(FIXTURES, ruleId);
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

  it('has failing and passing fixtures', () => {
    expect(files.some((f) => f.startsWith('fail'))).toBe(true);
    expect(files.some((f) => f.startsWith('pass'))).toBe(true);
  });

  for (const file of files) {
    it(file, async () => {
      const full = path.join(dir, file);
      const text = readFileSync(full, 'utf8');
      const marker = `# expect: ${ruleId}`;
      const expected = text.split('\n').flatMap((line, i) => (line.includes(marker) ? [i + 1] : []));
      if (file.startsWith('fail')) expect(expected.length, `${file} marks no line with "${marker}"`).toBeGreaterThan(0);
      const rule = findRule(ruleId)!;
      const result = await lint([full], { preset: 'all', rules: { [ruleId]: rule.severity } });
      const lines = result.findings.filter((f) => f.ruleId === ruleId).map((f) => f.line);
      expect(lines).toEqual(file.startsWith('pass') ? [] : expected);
    });
  }
});
