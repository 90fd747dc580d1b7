import { lint, type Finding } from '../../src/index.js';

/** Options a rule needs before it reports anything; the examples say so in a comment. */
export const EXAMPLE_OPTIONS: Readonly<Record<string, Record<string, unknown>>> = {
  'image-registry-allowlist': { registries: ['registry.example.com'] },
};

/** The findings of one rule (and no other) on a docs example, as `kubeknit rules <id>` shows it. */
export async function exampleFindings(ruleId: string, text: string): Promise<Finding[]> {
  const options = Object.hasOwn(EXAMPLE_OPTIONS, ruleId) ? EXAMPLE_OPTIONS[ruleId] : undefined;
  const result = await lint([], {
    preset: 'all',
    inline: [{ file: 'example.yaml', text }],
    rules: { [ruleId]: options ? { severity: 'error', options } : 'error' },
  });
  return result.findings.filter((f) => f.ruleId === ruleId);
}
