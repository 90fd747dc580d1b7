import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RuleSetting } from '../../src/engine/active-rules.js';
import { findRule, lint, RULES, type Finding } from '../../src/index.js';
import { hasShared, SHARED_SKIP_REASON, sharedPath } from './shared.js';

/**
 * Parity with kube-linter: run one of our rules on the fixture of one kube-linter check
 * (`../shared/corpora/kube-linter/tests/checks/`) and compare with what kube-linter reports there
 * (`bats-expectations.json`: its number of findings and the kind of each flagged object).
 *
 * kube-linter's fixtures name every object that must not fire `dont-fire*`; every other object is
 * one the check flags. Where kubeknit differs on purpose, say which objects and why.
 */
export interface KubeLinterDifferences {
  /** Why we differ; shown in the test title. */
  reason: string;
  /** `Kind/name` of objects kube-linter flags and we do not. */
  notFlagged?: string[];
  /** `Kind/name` of objects we flag and kube-linter's convention says not to (e.g. a `dont-fire` object). */
  alsoFlagged?: string[];
  /** Our number of findings, when it differs from kube-linter's. */
  findings?: number;
}

export interface KubeLinterParityOptions {
  /** Options for our rule in this run (e.g. a team setting that matches kube-linter's default). */
  options?: Record<string, unknown>;
  /**
   * `Kind/name` of the objects kube-linter flags, for fixtures that do not name every object it
   * leaves alone `dont-fire*` (checked against its expected count and the kinds of its messages).
   */
  kubeLinterFlags?: string[];
  /** Rewrites the fixture before linting (say why: e.g. to add what the API server requires). */
  editFixture?: (text: string) => string;
  expectDifferences?: KubeLinterDifferences;
}

export interface KubeLinterExpectation {
  test: string;
  fixture: string | null;
  expected_count: number | null;
  expected_messages: string[];
  kind: string;
}

const CORPUS = ['corpora', 'kube-linter'];

/** kube-linter's expectation for one check (its `lint --include <check>` test). */
export function kubeLinterExpectation(checkName: string): KubeLinterExpectation {
  const all = JSON.parse(readFileSync(sharedPath(...CORPUS, 'bats-expectations.json'), 'utf8')) as KubeLinterExpectation[];
  const found = all.find((e) => e.test === checkName && e.kind === 'check' && e.fixture);
  if (!found) throw new Error(`bats-expectations.json has no check "${checkName}" with a fixture`);
  return found;
}

/** Lints one file (or, given `text`, that text standing for it) with only the given rule switched on. */
export async function lintWithOnly(file: string, ruleId: string, options?: Record<string, unknown>, text?: string) {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const rules: Record<string, RuleSetting> = Object.fromEntries(RULES.map((r) => [r.id, 'off']));
  rules[ruleId] = { severity: rule.severity, options };
  const result = await lint(text === undefined ? [file] : [], { preset: 'all', rules, inline: text === undefined ? undefined : [{ file, text }] });
  return { ...result, findings: result.findings.filter((f) => f.ruleId === ruleId) };
}

function objectKey(ref: { kind: string; name: string }): string {
  return `${ref.kind}/${ref.name}`;
}

/** The path of a kube-linter check fixture (for tests that look closer than `kubeLinterParity`). */
export function kubeLinterFixturePath(checkName: string): string {
  return sharedPath(...CORPUS, kubeLinterExpectation(checkName).fixture ?? '');
}

/** Declares a test: our rule flags the objects kube-linter's check flags in its fixture. */
export function kubeLinterParity(checkName: string, ruleId: string, parity: KubeLinterParityOptions = {}): void {
  const diff = parity.expectDifferences;
  const title = `kube-linter parity: ${checkName} → ${ruleId}${diff ? ` (differs on purpose: ${diff.reason})` : ''}`;
  describe.skipIf(!hasShared)(hasShared ? title : `${title} — ${SHARED_SKIP_REASON}`, () => {
    it('flags the objects kube-linter flags, and no dont-fire object', async () => {
      const expectation = kubeLinterExpectation(checkName);
      const fixture = sharedPath(...CORPUS, expectation.fixture ?? '');
      expect(existsSync(fixture), `fixture ${fixture}`).toBe(true);
      const text = parity.editFixture?.(readFileSync(fixture, 'utf8'));
      const { objects, findings } = await lintWithOnly(fixture, ruleId, parity.options, text);
      expect(objects.length, 'the fixture holds objects').toBeGreaterThan(0);

      const notFlagged = new Set(diff?.notFlagged ?? []);
      const alsoFlagged = new Set(diff?.alsoFlagged ?? []);
      const fixtureKeys = new Set(objects.map(objectKey));
      for (const key of [...notFlagged, ...alsoFlagged, ...(parity.kubeLinterFlags ?? [])]) expect(fixtureKeys, `declared difference ${key} names an object of the fixture`).toContain(key);

      const kubeLinterFlags = new Set(parity.kubeLinterFlags ?? objects.filter((o) => !o.name.startsWith('dont-fire')).map(objectKey));
      const expected = new Set([...kubeLinterFlags].filter((k) => !notFlagged.has(k)));
      for (const key of alsoFlagged) expected.add(key);
      const flagged = new Set(findings.map((f) => objectKey(f.object ?? { kind: '?', name: '?' })));
      expect([...flagged].sort(), describeFindings(findings)).toEqual([...expected].sort());

      // kube-linter prints the kind of each object it flags; those kinds must be among ours.
      const flaggedKinds = new Set(findings.map((f) => f.object?.kind));
      const skippedKinds = new Set([...notFlagged].map((k) => k.split('/')[0]));
      for (const message of expectation.expected_messages) {
        const kind = message.split(/[ :]/)[0]; // "Deployment: …" or "Job bad-job: …"
        if (!skippedKinds.has(kind)) expect(flaggedKinds, `kube-linter flags a ${kind}: ${message}`).toContain(kind);
      }
      expect(findings.length, describeFindings(findings)).toBe(diff?.findings ?? expectation.expected_count);
      // Every finding points at a line of the fixture.
      for (const f of findings) expect(f.line).toBeGreaterThan(0);
    });
  });
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.line}:${f.column} ${f.object?.kind}/${f.object?.name}: ${f.message}`).join('\n') || '(no findings)';
}
