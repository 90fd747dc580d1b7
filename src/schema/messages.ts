import type { Fix } from '../fix/types.js';
import { formatFieldPath, type PathSegment } from '../load/field-path.js';
import type { ErrorObject } from './ajv.js';
import { QUANTITY_PATTERN } from './convert-node.js';
import { closestName } from '../suggest.js';
import { own } from '../own.js';
import { messageText, type MessageData } from '../engine/rule.js';

/**
 * The messages of `schema-violation` by id (the rule declares this table). Schema and CEL problems
 * carry an id and the data filling its template, and the filled text.
 */
export const SCHEMA_MESSAGES = {
  unknownField: 'unknown field "{{field}}" in {{at}}',
  unknownFieldDidYouMean: 'unknown field "{{field}}" in {{at}}; did you mean "{{suggestion}}"?',
  unknownFieldKnownFields: 'unknown field "{{field}}" in {{at}}; known fields: {{known}}',
  missingField: '{{at}} is missing required field "{{field}}"',
  wrongType: '{{at}} must be {{expected}}, found {{found}}',
  notAllowedValue: '{{at}} must be one of {{allowed}}, found {{found}}',
  notAQuantity: '{{at}} is not a valid quantity (such as 500m, 128Mi, 2), found {{found}}',
  patternMismatch: '{{at}} must match the pattern {{pattern}}, found {{found}}',
  wrongFormat: '{{at}} must be {{format}}, found {{found}}',
  noMatchingForm: '{{at}} matches none of the forms the schema allows, found {{found}}',
  duplicateListKey: '{{at}} repeats the key {{key}} of {{first}}; entries of this list must be unique by {{keys}}',
  duplicateListValue: '{{at}} repeats the value {{value}} of {{first}}; the values of this list must be unique',
  otherConstraint: '{{at}} {{problem}}',
  otherConstraintFound: '{{at}} {{problem}}, found {{found}}',
  schemaNotCompiled: 'its schema cannot be compiled, so the object is not validated against it (the API server refuses such a schema): {{reason}}',
  celRuleMessage: '{{ruleMessage}}',
  celRuleFailed: 'failed rule: {{rule}}',
  celRuleNotCompiled: 'CEL rule "{{rule}}" does not compile: {{error}}',
  celRuleError: 'CEL rule "{{rule}}" fails with an error, which the API server reports as a rejection: {{error}}',
  celOverBudget: 'its CEL rules (x-kubernetes-validations) did not finish within kubeknit\'s budget of {{budgetMs}} ms: the API server limits what a rule may cost and would likely refuse this object',
} as const;

export type SchemaMessageId = keyof typeof SCHEMA_MESSAGES;

/** What is wrong at a field, by message id: the id, its data and the text they make. */
export interface SchemaMessage {
  messageId: SchemaMessageId;
  data: MessageData;
  message: string;
}

/** A schema message: its id, data and filled-in text. */
export function schemaMessage(messageId: SchemaMessageId, data: MessageData): SchemaMessage {
  return { messageId, data, message: messageText({ messages: SCHEMA_MESSAGES }, messageId, data).text };
}

/** One schema problem, ready to report: where (a field path) and what a person should know. */
export interface SchemaProblem extends SchemaMessage {
  path: PathSegment[];
  /** The kind of problem: `unknown-field`, `duplicate-entry` or the JSON-schema keyword that failed. */
  kind: string;
  fix?: Fix;
}

const BRANCHING = new Set(['anyOf', 'oneOf']);

/**
 * Turns ajv's errors into one problem per problem: the `if` of a nullable field and the branch
 * errors of anyOf/oneOf are folded away, and a wrong type hides the other errors of that field.
 */
export function describeErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const branches = errors.filter((e) => BRANCHING.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  const typeAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'if' || branches.some((b) => e.schemaPath.startsWith(b))) continue;
    if (e.keyword !== 'type' && typeAt.has(e.instancePath)) continue;
    const problem = { ...describe(e, data), kind: problemKind(e.keyword) };
    const id = `${formatFieldPath(problem.path)}|${problem.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(problem);
  }
  return out;
}

function problemKind(keyword: string): string {
  return keyword === 'additionalProperties' ? 'unknown-field' : keyword === 'x-kubernetes-list-type' ? 'duplicate-entry' : keyword;
}

function describe(e: ErrorObject, root: unknown): Omit<SchemaProblem, 'kind'> {
  const { path, id, data, fix } = describeError(e, root);
  return { path, ...schemaMessage(id, data), ...(fix ? { fix } : {}) };
}

function describeError(e: ErrorObject, root: unknown): { path: PathSegment[]; id: SchemaMessageId; data: MessageData; fix?: Fix } {
  const path = pointerToPath(e.instancePath, root);
  const at = path.length ? formatFieldPath(path) : 'the object';
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties ?? {}) as object);
      const suggestion = closestName(name, known);
      const field = [...path, name];
      if (suggestion) return { path: field, id: 'unknownFieldDidYouMean', data: { field: name, at, suggestion }, fix: { type: 'problem', description: `Rename "${name}" to "${suggestion}"`, edits: [{ op: 'rename', path: field, to: suggestion }] } };
      if (known.length && known.length <= 12) return { path: field, id: 'unknownFieldKnownFields', data: { field: name, at, known: known.join(', ') } };
      return { path: field, id: 'unknownField', data: { field: name, at } };
    }
    case 'required':
      return { path, id: 'missingField', data: { at, field: String(params.missingProperty) } };
    case 'type': {
      // A number or YAML 1.1 boolean (yes, on…) where the field takes text: quoting it keeps what was written.
      const wantsText = params.type === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean');
      const fix: Fix | undefined = wantsText && path.length ? { type: 'problem', description: `Quote ${at} so it is a string`, edits: [{ op: 'quote', path }] } : undefined;
      return { path, id: 'wrongType', data: { at, expected: expectedTypes(params.type), found: found(e.data) }, fix };
    }
    case 'enum': {
      const cased = typeof e.data === 'string' && Array.isArray(params.allowedValues) ? params.allowedValues.filter((v): v is string => typeof v === 'string' && v.toLowerCase() === (e.data as string).toLowerCase()) : [];
      const fix: Fix | undefined = cased.length === 1 && path.length ? { type: 'problem', description: `Write ${at} as "${cased[0]}"`, edits: [{ op: 'set', path, value: cased[0] }] } : undefined;
      return { path, id: 'notAllowedValue', data: { at, allowed: allowed(params.allowedValues), found: found(e.data) }, fix };
    }
    case 'pattern':
      if (params.pattern === QUANTITY_PATTERN) return { path, id: 'notAQuantity', data: { at, found: found(e.data) } };
      return { path, id: 'patternMismatch', data: { at, pattern: String(params.pattern), found: found(e.data) } };
    case 'format':
      return { path, id: 'wrongFormat', data: { at, format: formatName(String(params.format)), found: found(e.data) } };
    case 'anyOf':
    case 'oneOf':
      return { path, id: 'noMatchingForm', data: { at, found: found(e.data) } };
    case 'x-kubernetes-list-type':
      return { path, ...duplicateMessage(at, params) };
    default: {
      const problem = e.message ?? 'is invalid';
      return e.data !== undefined && typeof e.data !== 'object' ? { path, id: 'otherConstraintFound', data: { at, problem, found: found(e.data) } } : { path, id: 'otherConstraint', data: { at, problem } };
    }
  }
}

function duplicateMessage(at: string, params: Record<string, unknown>): { id: SchemaMessageId; data: MessageData } {
  const first = at.replace(/\[\d+\]$/, `[${String(params.firstIndex)}]`);
  if (Array.isArray(params.keys)) {
    const key = Object.entries(params.key as Record<string, unknown>).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
    return { id: 'duplicateListKey', data: { at, key: key || '(none)', first, keys: params.keys.join(' + ') } };
  }
  return { id: 'duplicateListValue', data: { at, value: found(params.key), first } };
}

/** `/spec/containers/0/name` → `['spec', 'containers', 0, 'name']`, numbers only where the data is a list. */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (!pointer) return [];
  const out: PathSegment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(seg)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false' };

function expectedTypes(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).filter((t) => t !== 'null');
  if (types.includes('integer') && types.includes('string')) return 'an integer or a string';
  return types.map((t) => own(TYPE_WORDS, t) ?? t).join(' or ');
}

function allowed(values: unknown): string {
  return (Array.isArray(values) ? values : []).filter((v) => v !== null).map((v) => JSON.stringify(v)).join(', ');
}

function formatName(format: string): string {
  if (format === 'byte') return 'base64-encoded data';
  if (format === 'date-time') return 'an RFC 3339 date-time (2024-01-31T12:00:00Z)';
  return `a valid ${format}`;
}

/** What the manifest holds, briefly: `"asd"`, `42`, `a list`, `a mapping`. */
export function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}
