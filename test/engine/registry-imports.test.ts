import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const SRC = path.join(REPO_ROOT, 'src');
const RULES_DIR = path.join(REPO_ROOT, 'rules');
/** The one module that composes the rule registry and hands it to lint(), the CLI and the language server. */
const COMPOSITION_ROOT = path.join(SRC, 'index.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The files under rules/ that a module imports, statically, by `export … from` or by dynamic import(). */
function rulesImportsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => path.resolve(path.dirname(file), spec))
    .filter((target) => target === RULES_DIR || target.startsWith(RULES_DIR + path.sep))
    .map((target) => path.relative(REPO_ROOT, target).split(path.sep).join('/'));
}

describe('the rule registry is passed in, not imported (issue 19)', () => {
  it('only src/index.ts imports rules/ among the modules of src/ (reporters, config, CLI and LSP get the registry passed in)', () => {
    const importers = sourceFiles(SRC)
      .map((file) => ({ file: path.relative(REPO_ROOT, file).split(path.sep).join('/'), imports: rulesImportsOf(file) }))
      .filter((entry) => entry.imports.length);
    expect(importers).toEqual([{ file: path.relative(REPO_ROOT, COMPOSITION_ROOT).split(path.sep).join('/'), imports: expect.arrayContaining(['rules/index.js']) }]);
  });

  it('the scan finds static, export-from and dynamic imports of rules/, and ignores rule-helpers and packages', () => {
    const text = [
      "import { RULES } from '../../rules/index.js';",
      "export { findRule } from '../../rules/index.js';",
      "const { default: rule } = await import('../../rules/host-port.js');",
      "import type { Rule } from '../engine/rule.js';",
      "import { selects } from '../rule-helpers/selection.js';",
      "import rules from 'rules';",
    ].join('\n');
    expect(rulesImportsOf(path.join(SRC, 'cli', 'x.ts'), text)).toEqual(['rules/index.js', 'rules/index.js', 'rules/host-port.js']);
  });
});
