import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { lint, type Finding } from '../../src/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

/** A sample of test/fixtures/ecosystem/. */
export function sample(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'test/fixtures/ecosystem', name), 'utf8');
}

/** Lints a text with every rule on (preset all) and keeps the findings of the given rules. */
export async function findingsOf(text: string, ruleIds: readonly string[]): Promise<Finding[]> {
  const result = await lint([], { preset: 'all', inline: [{ file: 'sample.yaml', text }] });
  return result.findings.filter((f) => ruleIds.includes(f.ruleId));
}

/** `ruleId object @ path` of each finding, for readable assertions. */
export function described(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.object ? `${f.object.kind}/${f.object.name}` : '-'} @ ${f.path ?? ''}`);
}

/** The sample with one text replaced (the replaced text must occur exactly once). */
export function seeded(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `"${from}" occurs once in the sample`).toBe(1);
  return text.replace(from, to);
}
