import type { Fix } from '../fix/types.js';
import { formatFieldPath, type PathSegment } from '../load/field-path.js';
import type { ErrorObject } from './ajv.js';
import { QUANTITY_PATTERN } from './convert-node.js';
import { closestName } from './suggest.js';
import { own } from '../own.js';

/** One schema problem, ready to report: where (a field path) and what a person should know. */
export interface SchemaProblem {
  path: PathSegment[];
  message: string;
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
  const path = pointerToPath(e.instancePath, root);
  const at = path.length ? formatFieldPath(path) : 'the object';
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties ?? {}) as object);
      const suggestion = closestName(name, known);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : known.length && known.length <= 12 ? `; known fields: ${known.join(', ')}` : '';
      const fix: Fix | undefined = suggestion ? { type: 'problem', description: `Rename "${name}" to "${suggestion}"`, edits: [{ op: 'rename', path: [...path, name], to: suggestion }] } : undefined;
      return { path: [...path, name], message: `unknown field "${name}" in ${at}${hint}`, fix };
    }
    case 'required':
      return { path, message: `${at} is missing required field "${String(params.missingProperty)}"` };
    case 'type': {
      // A number or YAML 1.1 boolean (yes, on…) where the field takes text: quoting it keeps what was written.
      const wantsText = params.type === 'string' && (typeof e.data === 'number' || typeof e.data === 'boolean');
      const fix: Fix | undefined = wantsText && path.length ? { type: 'problem', description: `Quote ${at} so it is a string`, edits: [{ op: 'quote', path }] } : undefined;
      return { path, message: `${at} must be ${expectedTypes(params.type)}, found ${found(e.data)}`, fix };
    }
    case 'enum': {
      const cased = typeof e.data === 'string' && Array.isArray(params.allowedValues) ? params.allowedValues.filter((v): v is string => typeof v === 'string' && v.toLowerCase() === (e.data as string).toLowerCase()) : [];
      const fix: Fix | undefined = cased.length === 1 && path.length ? { type: 'problem', description: `Write ${at} as "${cased[0]}"`, edits: [{ op: 'set', path, value: cased[0] }] } : undefined;
      return { path, message: `${at} must be one of ${allowed(params.allowedValues)}, found ${found(e.data)}`, fix };
    }
    case 'pattern':
      if (params.pattern === QUANTITY_PATTERN) return { path, message: `${at} is not a valid quantity (such as 500m, 128Mi, 2), found ${found(e.data)}` };
      return { path, message: `${at} must match the pattern ${String(params.pattern)}, found ${found(e.data)}` };
    case 'format':
      return { path, message: `${at} must be ${formatName(String(params.format))}, found ${found(e.data)}` };
    case 'anyOf':
    case 'oneOf':
      return { path, message: `${at} matches none of the forms the schema allows, found ${found(e.data)}` };
    case 'x-kubernetes-list-type':
      return { path, message: duplicateMessage(at, params) };
    default:
      return { path, message: `${at} ${e.message ?? 'is invalid'}${e.data !== undefined && typeof e.data !== 'object' ? `, found ${found(e.data)}` : ''}` };
  }
}

function duplicateMessage(at: string, params: Record<string, unknown>): string {
  const first = at.replace(/\[\d+\]$/, `[${String(params.firstIndex)}]`);
  if (Array.isArray(params.keys)) {
    const key = Object.entries(params.key as Record<string, unknown>).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
    return `${at} repeats the key ${key || '(none)'} of ${first}; entries of this list must be unique by ${params.keys.join(' + ')}`;
  }
  return `${at} repeats the value ${found(params.key)} of ${first}; the values of this list must be unique`;
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
