import { createRequire } from 'node:module';
import vm from 'node:vm';
import type { PathSegment } from '../load/field-path.js';
import { isObject } from './convert-node.js';
import { linearRegExp } from './linear-regexp.js';
import { schemaMessage, type SchemaMessage } from './messages.js';
import type { JsonSchema } from './types.js';

export interface CelProblem extends SchemaMessage {
  path: PathSegment[];
}

interface CelRule {
  rule: string;
  message?: string;
  fieldPath?: string;
}

type CelInput = unknown;
type Program = (bindings: Record<string, CelInput>) => unknown;
interface CelModule {
  parse(expr: string): unknown;
  plan(env: unknown, parsed: unknown): Program;
  celEnv(options: { funcs?: unknown; re2?: { compile(pattern: string): { test(text: string): boolean } } }): unknown;
  isCelError(value: unknown): boolean;
}

/**
 * What one object's CEL rules may cost: Kubernetes bounds each rule by an estimated cost; this
 * interpreter has no cost counter, so rules with comprehensions (`all`, `map`…) run under a time
 * limit instead, and an object that exceeds it is a finding (the API server would refuse the cost).
 */
export const CEL_TIME_BUDGET_MS = 1000;
const COMPREHENSION = /\.\s*(?:all|exists|exists_one|map|filter)\s*\(/;
/**
 * Evaluation errors the API server reports as a rejection. Others are skipped: Kubernetes-only
 * functions this library lacks, and missing fields (the API server fills defaults before CEL runs,
 * and kubeknit does not).
 */
const REJECTED = /divide by zero|modulus by zero|out of bounds|^<input>:\d+:\d+/;

const require = createRequire(import.meta.url);
let celModule: { cel: CelModule; env: unknown } | undefined;

/** @bufbuild/cel is loaded only when a CRD of the input has CEL rules. */
function cel(): { cel: CelModule; env: unknown } {
  if (!celModule) {
    const lib = require('@bufbuild/cel') as CelModule;
    const { strings } = require('@bufbuild/cel/ext') as { strings: unknown };
    // `matches()` uses a linear-time engine: a rule's pattern comes from the input.
    const env = lib.celEnv({ funcs: strings, re2: { compile: (pattern) => linearRegExp(pattern) } });
    celModule = { cel: lib, env };
  }
  return celModule;
}

/** Each rule text is parsed and planned once per run, not once per object. */
const programs = new Map<string, { program: Program } | { error: string }>();

function programOf(expr: string): { program: Program } | { error: string } {
  let compiled = programs.get(expr);
  if (!compiled) {
    const { cel: lib, env } = cel();
    try {
      compiled = { program: lib.plan(env, lib.parse(expr)) };
    } catch (err) {
      compiled = { error: err instanceof Error ? err.message : String(err) };
    }
    programs.set(expr, compiled);
  }
  return compiled;
}

interface SchemaFacts {
  hasRules: boolean;
  costly: boolean;
}
const facts = new WeakMap<JsonSchema, SchemaFacts>();

function factsOf(schema: JsonSchema): SchemaFacts {
  let known = facts.get(schema);
  if (!known) {
    const text = JSON.stringify(schema);
    const hasRules = text.includes('"x-kubernetes-validations"');
    known = { hasRules, costly: hasRules && COMPREHENSION.test(text) };
    facts.set(schema, known);
  }
  return known;
}

/** Compiles every rule of a schema (once per run), so that the time budget counts evaluation only. */
function compileRules(schema: unknown, depth = 0): void {
  if (!isObject(schema) || depth > 200) return;
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules)) for (const r of rules) if (isObject(r) && typeof r.rule === 'string') programOf(r.rule);
  for (const value of Object.values(schema)) {
    if (Array.isArray(value)) for (const item of value) compileRules(item, depth + 1);
    else compileRules(value, depth + 1);
  }
}

/** Whether a CRD schema carries any `x-kubernetes-validations` (worked out once per schema). */
export function hasCelRules(schema: JsonSchema): boolean {
  return factsOf(schema).hasRules;
}

let sandbox: vm.Context | undefined;
let callJob: vm.Script | undefined;

/**
 * Evaluates the CEL rules (`x-kubernetes-validations`) of a CRD schema against a custom resource,
 * with `self` bound to the value at the rule's place. Transition rules (`oldSelf`) need the stored
 * object and are skipped, and so are rules this CEL library cannot evaluate (Kubernetes-only functions).
 * Errors the API server rejects with (division by zero, an index out of bounds, a syntax error) are problems.
 */
export function evaluateCelRules(schema: JsonSchema, data: unknown): CelProblem[] {
  const out: CelProblem[] = [];
  if (!factsOf(schema).costly) return walk(schema, data, [], out);
  compileRules(schema);
  sandbox ??= vm.createContext({ job: () => undefined });
  callJob ??= new vm.Script('job()');
  sandbox.job = () => walk(schema, data, [], out);
  try {
    callJob.runInContext(sandbox, { timeout: CEL_TIME_BUDGET_MS });
  } catch (err) {
    if ((err as { code?: string } | null)?.code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw err;
    return [{ path: [], ...schemaMessage('celOverBudget', { budgetMs: CEL_TIME_BUDGET_MS }) }];
  } finally {
    sandbox.job = () => undefined;
  }
  return out;
}

function walk(schema: JsonSchema, data: unknown, path: PathSegment[], out: CelProblem[]): CelProblem[] {
  if (data === undefined || data === null) return out;
  const rules = Array.isArray(schema['x-kubernetes-validations']) ? (schema['x-kubernetes-validations'] as unknown[]) : [];
  for (const r of rules) {
    if (!isObject(r) || typeof r.rule !== 'string' || /\boldSelf\b/.test(r.rule)) continue;
    const problem = evaluateRule(r as unknown as CelRule, data);
    if (problem !== undefined) out.push({ path: rulePath(r as unknown as CelRule, path), ...problem });
  }
  if (isObject(schema.properties) && isObject(data)) {
    for (const [key, sub] of Object.entries(schema.properties)) if (isObject(sub) && Object.hasOwn(data, key)) walk(sub, data[key], [...path, key], out);
  }
  if (isObject(schema.items) && Array.isArray(data)) {
    const items = schema.items;
    data.forEach((item, i) => walk(items, item, [...path, i], out));
  }
  if (isObject(schema.additionalProperties) && isObject(data)) {
    const values = schema.additionalProperties;
    for (const [key, value] of Object.entries(data)) walk(values, value, [...path, key], out);
  }
  return out;
}

/** The message of a failed rule, or undefined when it holds (or cannot be judged here). */
function evaluateRule(r: CelRule, data: unknown): SchemaMessage | undefined {
  const compiled = programOf(r.rule);
  if ('error' in compiled) return REJECTED.test(compiled.error) ? schemaMessage('celRuleNotCompiled', { rule: r.rule, error: compiled.error }) : undefined;
  let result: unknown;
  try {
    result = compiled.program({ self: toCel(data) });
  } catch (err) {
    result = err;
  }
  if (result === false) return typeof r.message === 'string' ? schemaMessage('celRuleMessage', { ruleMessage: r.message }) : schemaMessage('celRuleFailed', { rule: r.rule });
  if (cel().cel.isCelError(result) || result instanceof Error) {
    const reason = (result as Error).message;
    if (REJECTED.test(reason)) return schemaMessage('celRuleError', { rule: r.rule, error: reason });
  }
  return undefined;
}

function rulePath(r: CelRule, path: PathSegment[]): PathSegment[] {
  return typeof r.fieldPath === 'string' && r.fieldPath ? [...path, ...r.fieldPath.replace(/^\./, '').split('.')] : path;
}

/** JSON → CEL input: whole numbers are CEL ints, mappings are maps. */
function toCel(value: unknown): CelInput {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (isObject(value)) return new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  return value;
}
