import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRule, lint, RULES } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

/**
 * Runs every rule over its fixture folder `test/fixtures/<rule-id>/`: each `fail*.yaml` must get a
 * finding of that rule on exactly the lines marked `# expect: <rule-id>`, each `pass*.yaml` none.
 * A `rule-options.json` in the folder holds the rule's options for all its files.
 */
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
const OPTIONS_FILE = 'rule-options.json';
// Folders of a rule that hold other support files (e.g. CRDs for schema tests) have no pass/fail files.
const ruleDirs = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && findRule(d.name) && readdirSync(path.join(FIXTURES, d.name)).some((f) => /^(pass|fail)/.test(f)))
  .map((d) => d.name);

describe.each(ruleDirs)('fixtures of %s', (ruleId) => {
  const dir = path.join(FIXTURES, ruleId);
  const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== OPTIONS_FILE).sort();
  const options = existsSync(path.join(dir, OPTIONS_FILE)) ? (JSON.parse(readFileSync(path.join(dir, OPTIONS_FILE), 'utf8')) as Record<string, unknown>) : undefined;

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
      const result = await lint([full], { preset: 'all', rules: { [ruleId]: { severity: rule.severity, options } } });
      // Several findings may share a marked line (e.g. two problems in one flow mapping).
      const lines = [...new Set(result.findings.filter((f) => f.ruleId === ruleId).map((f) => f.line))];
      expect(lines).toEqual(file.startsWith('pass') ? [] : expected);
    });
  }
});

/**
 * Rules without a fixture folder, and why: each reports a file the loader will not parse, decided by
 * something a `fail*.yaml`/`pass*.yaml` cannot carry; test/robustness/hostile.test.ts covers both.
 */
const NO_FIXTURES: Record<string, string> = {
  'file-too-large': 'needs a file above the size limit (50 MB by default, or a --max-file-size run)',
  'kustomization-skipped': 'keys on the file name kustomization.yaml, which a fail/pass fixture cannot have',
  'kustomize-build-failed': 'needs a kustomization folder and a kustomize to build it; test/kustomize/kustomize.test.ts covers it',
};

describe('every rule has fixtures', () => {
  it.each(RULES.map((r) => r.id).filter((id) => !NO_FIXTURES[id]))('%s', (ruleId) => {
    expect(ruleDirs, `test/fixtures/${ruleId}/ with fail*.yaml and pass*.yaml`).toContain(ruleId);
  });

  it('the exceptions are rules that exist', () => {
    for (const id of Object.keys(NO_FIXTURES)) expect(findRule(id), id).toBeDefined();
  });
});
