import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES, type Finding } from '../../src/index.js';
import { EXAMPLE_OPTIONS, exampleFindings } from '../helpers/rule-examples.js';

/**
 * Every rule's `docs.bad` and `docs.good` are what `kubeknit rules <id>`, docs/rules.md and SARIF
 * help show, so they must work: `bad` triggers its rule, `good` does not. This loops over the
 * registry, so a new rule is covered (and fails here) until its examples do.
 */

/**
 * Rules whose examples cannot be a manifest linted from text. Each entry says why; keep it short.
 * These rules still need `why` and `fix`, and they have no `bad`/`good` to show.
 */
const NO_EXAMPLES: Readonly<Record<string, string>> = {
  // The finding is about a file's size on disk (default limit 50 MB): the loader skips the file
  // before reading it, so no text shown in docs could trigger it.
  'file-too-large': 'depends on the size of a file on disk',
  // The finding depends on the file's name (kustomization.yaml) and on whether kustomize is
  // installed, not on the text.
  'kustomization-skipped': 'depends on the file name kustomization.yaml',
  // The finding is kustomize's own error when it builds a kustomization folder on disk.
  'kustomize-build-failed': 'depends on running kustomize over a folder',
};

/**
 * Rules whose examples are deliberately not complete manifests: the defect IS the missing or
 * broken part (the rule is about text that never becomes a valid object).
 */
const INCOMPLETE_ON_PURPOSE: Readonly<Record<string, string>> = {
  'invalid-yaml': 'the bad example is not YAML',
  'invalid-object': 'the bad example lacks the fields an object needs',
  'unrendered-template': 'the bad example is a Helm template, which is not a manifest until rendered',
};


function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n');
}

/** Documents of an example that lack apiVersion, kind or metadata.name. */
function incompleteDocuments(text: string): string[] {
  const problems: string[] = [];
  parseAllDocuments(text).forEach((doc, i) => {
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return;
    const object = value as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    const missing = [
      typeof object.apiVersion === 'string' ? '' : 'apiVersion',
      typeof object.kind === 'string' ? '' : 'kind',
      typeof object.metadata?.name === 'string' ? '' : 'metadata.name',
    ].filter(Boolean);
    if (missing.length) problems.push(`document ${i + 1} lacks ${missing.join(', ')}`);
  });
  return problems;
}

describe('rule docs examples', () => {
  it('the exemption lists name registered rules only', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of [...Object.keys(NO_EXAMPLES), ...Object.keys(INCOMPLETE_ON_PURPOSE), ...Object.keys(EXAMPLE_OPTIONS)]) expect(ids).toContain(id);
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      if (Object.hasOwn(NO_EXAMPLES, rule.id)) {
        it('has no examples (exempt)', () => {
          expect(rule.docs.bad).toBeUndefined();
          expect(rule.docs.good).toBeUndefined();
        });
        return;
      }

      it('docs.bad triggers the rule', async () => {
        expect(rule.docs.bad, 'docs.bad is missing').toBeTypeOf('string');
        const findings = await exampleFindings(rule.id, rule.docs.bad!);
        expect(findings.length, 'docs.bad gives no finding of its rule').toBeGreaterThan(0);
        // A rule that declares message templates reports by their ids, so no placeholder is left unfilled.
        if (rule.messages) {
          for (const f of findings) {
            expect(Object.keys(rule.messages)).toContain(f.messageId);
            expect(f.message).not.toMatch(/\{\{\s*[A-Za-z][\w.-]*\s*\}\}/); // unrendered-template's message quotes "{{ … }}" itself
          }
        }
      });

      it('docs.good does not trigger the rule', async () => {
        expect(rule.docs.good, 'docs.good is missing').toBeTypeOf('string');
        const findings = await exampleFindings(rule.id, rule.docs.good!);
        expect(findings, describeFindings(findings)).toEqual([]);
      });

      it('the examples are complete manifests', () => {
        const good = incompleteDocuments(rule.docs.good ?? '');
        expect(good, 'docs.good').toEqual([]);
        if (!Object.hasOwn(INCOMPLETE_ON_PURPOSE, rule.id)) expect(incompleteDocuments(rule.docs.bad ?? ''), 'docs.bad').toEqual([]);
      });
    });
  }
});
