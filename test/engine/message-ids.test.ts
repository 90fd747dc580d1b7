import { describe, expect, it } from 'vitest';
import { LOAD_PROBLEM_IDS } from '../../src/engine/load-problems.js';
import { RULES } from '../../src/index.js';
import { exampleFindings } from '../helpers/rule-examples.js';

/**
 * Issue 19, "rules as a contract": every rule declares its messages by id, as ESLint's
 * `meta.messages`, and reports by those ids, so tools and tests match ids and data, not English.
 */


/** `{{name}}`: what a placeholder looks like; anything else with `{{` is a template mistake. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g;
const MESSAGE_ID = /^[a-z][A-Za-z0-9]*$/;

/** The placeholder names of a template. */
function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

describe('message ids', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('declares messages: camelCase ids, non-empty templates with named placeholders only', () => {
        expect(rule.messages, `${rule.id} declares no messages`).toBeDefined();
        const entries = Object.entries(rule.messages ?? {});
        expect(entries.length).toBeGreaterThan(0);
        for (const [id, template] of entries) {
          expect(id, `message id "${id}"`).toMatch(MESSAGE_ID);
          expect(typeof template === 'string' && template.trim().length > 0, `template of "${id}" is empty`).toBe(true);
          // once the named placeholders are taken out, no `{{` or `}}` may remain (`{{}}`, `{{ 0 }}`, `{{name}` are mistakes)
          expect(template.replace(PLACEHOLDER, ''), `template of "${id}"`).not.toMatch(/\{\{|\}\}/);
        }
      });

      if (rule.docs.bad === undefined) return; // rules whose finding no text can trigger (see docs-examples.test.ts)
      it('reports docs.bad with a declared message id, every placeholder filled from data', async () => {
        const findings = await exampleFindings(rule.id, rule.docs.bad!);
        expect(findings.length, 'docs.bad gives no finding of its rule').toBeGreaterThan(0);
        for (const f of findings) {
          expect(Object.keys(rule.messages ?? {}), f.message).toContain(f.messageId);
          const template = rule.messages![f.messageId!];
          for (const name of placeholders(template)) expect(f.data ?? {}, `data of "${f.messageId}"`).toHaveProperty([name]);
          // no placeholder left unfilled (a message may quote template syntax, as unrendered-template's does), no hostile value rendered badly
          expect(f.message).not.toMatch(/\{\{\s*[A-Za-z][\w.-]*\s*\}\}|\bundefined\b|\bNaN\b|\[object Object\]/);
        }
      });
    });
  }

  it('each kind of load problem has its own id, declared by exactly one parse rule', () => {
    const ids = Object.values(LOAD_PROBLEM_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const rules = RULES.filter((r) => r.family === 'parse' && r.messages && Object.hasOwn(r.messages, id)).map((r) => r.id);
      expect(rules, `rules declaring "${id}"`).toHaveLength(1);
    }
  });
});
