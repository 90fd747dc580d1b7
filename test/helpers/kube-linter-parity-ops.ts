import { readFileSync } from 'node:fs';
import type { Finding } from '../../src/index.js';
import { runRule } from './rule-tester.js';
import { sharedPath } from './shared.js';

interface BatsCase {
  test: string;
  fixture: string | null;
  expected_count: number | null;
  expected_messages: string[];
}

/** The kinds of the objects kube-linter flags for a check, sorted (from bats-expectations.json). */
export function kubeLinterFlaggedKinds(check: string): string[] {
  const cases = JSON.parse(readFileSync(sharedPath('corpora/kube-linter/bats-expectations.json'), 'utf8')) as BatsCase[];
  const found = cases.find((c) => c.test === check);
  if (!found) throw new Error(`no kube-linter expectation for ${check}`);
  // Messages read "Deployment: …" or "Job bad-job: …"; the first word is the kind.
  return found.expected_messages.map((m) => m.split(/[ :]/)[0]).sort();
}

/** The text of a kube-linter check fixture. */
export function kubeLinterFixture(file: string): string {
  return readFileSync(sharedPath('corpora/kube-linter/tests/checks', file), 'utf8');
}

/** Runs one of our rules on a fixture text; returns its findings and the `Kind/name` of each object it flags, once, sorted. */
export async function flaggedObjects(ruleId: string, text: string, options?: Record<string, unknown>): Promise<{ findings: Finding[]; objects: string[] }> {
  const findings = await runRule(ruleId, text, options);
  const objects = [...new Set(findings.map((f) => `${f.object?.kind}/${f.object?.name}`))].sort();
  return { findings, objects };
}

/** `Kind/name` → `Kind`, for comparing with kubeLinterFlaggedKinds. */
export const kindsOf = (objects: string[]): string[] => objects.map((o) => o.split('/')[0]).sort();

/** Objects whose name says kube-linter must not flag them. */
export const dontFire = (objects: string[]): string[] => objects.filter((o) => o.split('/')[1].startsWith('dont-fire'));
