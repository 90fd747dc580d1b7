import type { ValidateFunction } from 'ajv';
import { describeSchemaError, usefulSchemaErrors } from '../config/ajv.js';
import { UsageError } from '../load/errors.js';
import { formatFieldPath } from '../load/field-path.js';
import { ajvModule } from '../schema/ajv.js';
import { ajvLinearRegExp, isLinearRegExp, LINEAR_REGEXP_FORMAT } from '../schema/linear-regexp.js';
import type { Rule } from './rule.js';

/** What is wrong with options given to a rule: where (below `options`) and what. */
export interface RuleOptionProblem {
  segments: Array<string | number>;
  text: string;
}

type Validator = Pick<ValidateFunction, 'errors'> & ((data: unknown) => boolean);

const validators = new WeakMap<Rule, Validator>();
let compile: ((schema: object) => Validator) | undefined;

/**
 * Checks options given to a rule against its options schema, with the rule's defaults filled in
 * (as the engine runs it). ajv loads on the first rule given options, never otherwise.
 */
export function ruleOptionProblems(rule: Rule, options: Record<string, unknown>): RuleOptionProblem[] {
  if (!rule.options) return [{ segments: [], text: `rule "${rule.id}" takes no options` }];
  let validate = validators.get(rule);
  if (!validate) {
    compile ??= optionCompiler();
    validators.set(rule, (validate = compile(rule.options)));
  }
  if (validate({ ...(rule.defaultOptions ?? {}), ...options })) return [];
  return usefulSchemaErrors(validate.errors ?? []).map((error) => describeSchemaError(error));
}

/** Throws a usage error naming the first problem of options given to a rule directly (not from a config file). */
export function assertRuleOptions(rule: Rule, options: Record<string, unknown>): void {
  const problems = ruleOptionProblems(rule, options);
  if (!problems.length) return;
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new UsageError(`${formatFieldPath(['rules', rule.id, 'options', ...first.segments])}: ${first.text}${more}`);
}

function optionCompiler(): (schema: object) => Validator {
  const Ajv = ajvModule().default;
  // Options come from a repository's config: their patterns run on RE2, and `format: regex` strings must be RE2 patterns.
  const ajv = new Ajv({ allErrors: true, strict: false, code: { regExp: ajvLinearRegExp } });
  ajv.addFormat(LINEAR_REGEXP_FORMAT, isLinearRegExp);
  return (schema) => ajv.compile(schema);
}
