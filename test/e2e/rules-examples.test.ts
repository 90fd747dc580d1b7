import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** The indented block under a heading (`Fails:` / `Passes:`) of `kubeknit rules <id>`, unindented. */
function exampleBlock(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `no "${heading}" in:\n${text}`).toBeGreaterThanOrEqual(0);
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line !== '' && !line.startsWith('    ')) break;
    block.push(line.slice(4));
  }
  return `${block.join('\n').trimEnd()}\n`;
}

function ruleIdsFound(input: string): string[] {
  const run = runCli(['lint', '-', '--stdin-filename', 'example.yaml', '--format', 'json'], { input });
  return JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId);
}

describe('kubeknit rules <id> (built CLI)', () => {
  it('shows a Fails example that `kubeknit lint` reports and a Passes example it does not', () => {
    // A relationship rule: its example needs two documents to mean anything.
    const docs = runCli(['rules', 'dangling-service-selector']);
    expect(docs.status).toBe(0);
    expect(ruleIdsFound(exampleBlock(docs.stdout, 'Fails:'))).toContain('dangling-service-selector');
    expect(ruleIdsFound(exampleBlock(docs.stdout, 'Passes:'))).not.toContain('dangling-service-selector');
  });
});
