import { createRequire } from 'node:module';

/** What ajv and CEL need of a regular expression. */
export interface RegExpLike {
  test(text: string): boolean;
  toString(): string;
}

interface Re2Module {
  RE2JS: { compile(pattern: string, flags?: number): { test(text: string): boolean }; translateRegExp(pattern: string): string };
}

const require = createRequire(import.meta.url);
let re2: Re2Module['RE2JS'] | undefined;
const compiled = new Map<string, RegExpLike>();

/**
 * A regular expression that runs in time linear in its input (RE2 semantics, as the Kubernetes API
 * server uses for CRD `pattern`s): patterns from the input cannot hang a run (`^(a+)+$`).
 * Throws on a pattern RE2 does not accept (backreferences, lookaround).
 */
export function linearRegExp(pattern: string): RegExpLike {
  let found = compiled.get(pattern);
  if (!found) {
    re2 ??= (require('re2js') as Re2Module).RE2JS;
    const engine = re2.compile(pattern);
    // toString: ajv keys compiled patterns by it, so each pattern needs its own text
    found = { test: (text: string) => engine.test(text), toString: () => `/${pattern}/` };
    compiled.set(pattern, found);
  }
  return found;
}

/** ajv's `code.regExp` hook: ajv calls it with the schema's pattern and flag "u". */
export function ajvLinearRegExp(pattern: string): RegExpLike {
  return linearRegExp(pattern);
}
ajvLinearRegExp.code = 'linearRegExp'; // ajv requires a name for standalone code; runtime validators never emit it

/** The JSON-schema `format` of option strings that are regular expressions (RE2 syntax). */
export const LINEAR_REGEXP_FORMAT = 'regex';

export function isLinearRegExp(pattern: string): boolean {
  try {
    linearRegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** A case-insensitive linear-time regular expression (RE2's `(?i)`). */
export function linearRegExpIgnoringCase(pattern: string): RegExpLike {
  return linearRegExp(`(?i)${pattern}`);
}
