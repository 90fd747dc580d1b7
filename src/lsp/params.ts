import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { pointerToSegments } from '../config/ajv.js';
import { formatFieldPath } from '../load/field-path.js';
import { ajvModule } from '../schema/ajv.js';

/**
 * The shapes of the parameters the server accepts, as JSON schemas checked by ajv before any
 * handler runs: a client may be buggy or hostile. A malformed request gets an InvalidParams error;
 * a malformed notification is ignored (it has no reply) and logged. Handlers never see values of
 * another type. `x-message` says, in the error, what a field must be.
 */

/** What is wrong with `value` (named `at` in the message), or undefined when it fits. */
export type Check = (value: unknown, at: string) => string | undefined;

type Schema = Record<string, unknown>;

/** LSP's `uinteger`: 0 … 2^31 − 1. */
const UINTEGER: Schema = { type: 'integer', minimum: 0, maximum: 2 ** 31 - 1, 'x-message': 'must be a non-negative integer' };
const STRING: Schema = { type: 'string', 'x-message': 'must be a string' };
const INTEGER: Schema = { type: 'integer', 'x-message': 'must be an integer' };
/** A URI with a scheme; a `file:` URI must name a local path (no host, no encoded `/`, no NUL). */
const DOCUMENT_URI: Schema = { type: 'string', format: 'document-uri', 'x-message': 'must be a URI with a scheme (a file URI of a local path, without NUL)' };
const STRING_OR_INTEGER: Schema = { type: ['string', 'integer'], 'x-message': 'must be a string or an integer' };

/** A JSON object whose listed fields are required and fit (other fields are allowed and ignored). */
function object(required: Record<string, Schema>, optional: Record<string, Schema> = {}): Schema {
  return { type: 'object', 'x-message': 'must be an object', required: Object.keys(required), properties: { ...required, ...optional } };
}

function arrayOf(items: Schema): Schema {
  return { type: 'array', items, 'x-message': 'must be an array' };
}

function oneOf(...values: readonly unknown[]): Schema {
  return { enum: values, 'x-message': `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}` };
}

/** Absent, or `null`, or fitting `schema`. */
function nullable(schema: Schema): Schema {
  return { anyOf: [{ type: 'null' }, schema], 'x-message': schema['x-message'], 'x-optional': true };
}

const POSITION = object({ line: UINTEGER, character: UINTEGER });
/** A range whose start does not come after its end (`orderedRange`, a keyword of ours). */
const RANGE: Schema = { ...object({ start: POSITION, end: POSITION }), orderedRange: true };
const TEXT_DOCUMENT = object({ uri: DOCUMENT_URI });

/** A diagnostic as a client sends it back in a code action request (its `data` is checked where it is used: `PENDING_FIX`). */
const DIAGNOSTIC = object({ range: RANGE, message: STRING }, { code: nullable(STRING_OR_INTEGER), source: nullable(STRING), severity: nullable(UINTEGER) });

/** A document change: a range and its replacement, or the whole text. */
const CONTENT_CHANGE: Schema = {
  type: 'object', 'x-message': 'must be an object',
  if: { required: ['range'] },
  then: object({ range: RANGE, text: STRING }, { rangeLength: nullable(UINTEGER) }),
  else: object({ text: STRING }),
};

const FIELD_PATH: Schema = { anyOf: [{ type: 'string' }, { type: 'array', items: STRING_OR_INTEGER }], 'x-message': 'must be a field path (a string, or a list of strings and integers)' };

const FIX_EDIT: Schema = {
  ...object({ op: oneOf('set', 'rename', 'append', 'quote'), path: FIELD_PATH }),
  if: { required: ['op'], properties: { op: { const: 'rename' } } },
  then: object({ to: STRING }),
};

const SCHEMAS = {
  initialize: object({ capabilities: object({}) }, { rootUri: nullable(DOCUMENT_URI), workspaceFolders: nullable(arrayOf(object({ uri: DOCUMENT_URI, name: STRING }))) }),
  textDocumentPosition: object({ textDocument: TEXT_DOCUMENT, position: POSITION }),
  codeAction: object({ textDocument: TEXT_DOCUMENT, range: RANGE, context: object({ diagnostics: arrayOf(DIAGNOSTIC) }, { only: nullable(arrayOf(STRING)) }) }),
  graphPage: nullable(object({}, { uri: nullable(DOCUMENT_URI) })),
  didOpen: object({ textDocument: object({ uri: DOCUMENT_URI, languageId: STRING, version: INTEGER, text: STRING }) }),
  didChange: object({ textDocument: object({ uri: DOCUMENT_URI, version: INTEGER }), contentChanges: arrayOf(CONTENT_CHANGE) }),
  didClose: object({ textDocument: TEXT_DOCUMENT }),
  didSave: object({ textDocument: TEXT_DOCUMENT }, { text: nullable(STRING) }),
  willSave: object({ textDocument: TEXT_DOCUMENT, reason: UINTEGER }),
  didChangeWatchedFiles: object({ changes: arrayOf(object({ uri: DOCUMENT_URI, type: oneOf(1, 2, 3) })) }),
} satisfies Record<string, Schema>;

/** A fix a diagnostic carries in `data.fix`: it comes back from the client, so it is checked like any parameter. */
export const PENDING_FIX: Check = check(object({
  type: oneOf('problem', 'suggestion'),
  description: STRING,
  edits: arrayOf(FIX_EDIT),
  objectStart: object({ line: UINTEGER, column: UINTEGER }),
}, { itemIndex: nullable(UINTEGER) }));

/** The parameter check of each method the server handles. */
export const PARAMS = Object.fromEntries(Object.entries(SCHEMAS).map(([method, schema]) => [method, check(schema)])) as Record<keyof typeof SCHEMAS, Check>;

let ajv: Ajv | undefined;

/** One ajv for the server, made on the first check (a run that never serves an editor never loads it). */
function validator(): Ajv {
  if (ajv) return ajv;
  const Ajv = ajvModule().default;
  ajv = new Ajv({ allErrors: false, strict: false, verbose: true, logger: false });
  ajv.addFormat('document-uri', { type: 'string', validate: isDocumentUri });
  ajv.addKeyword({
    keyword: 'orderedRange', type: 'object', schemaType: 'boolean', errors: false,
    validate: (_: boolean, value: { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } }) => {
      const { start, end } = value;
      if (typeof start?.line !== 'number' || typeof end?.line !== 'number') return true; // the shape is `required`'s to report
      return start.line < end.line || (start.line === end.line && Number(start.character) <= Number(end.character));
    },
  });
  return ajv;
}

function isDocumentUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return false;
  if (!/^file:/i.test(value)) return true;
  try {
    return !fileURLToPath(value).includes('\0');
  } catch {
    return false;
  }
}

/** A check that compiles its schema on first use. */
function check(schema: Schema): Check {
  let validate: ValidateFunction | undefined;
  return (value, at) => {
    if (value === undefined && schema['x-optional']) return undefined; // absent parameters (graphPage)
    validate ??= validator().compile(schema);
    if (validate(value)) return undefined;
    const errors = validate.errors ?? [];
    // `anyOf` (nullable, field paths) speaks for its branches at its own path; `if` adds nothing
    const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
    const error = errors.find((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && !anyOfPaths.has(e.instancePath)) ?? errors.find((e) => e.keyword === 'anyOf') ?? errors[0];
    return error ? describe(error, at) : `${at} does not fit`;
  };
}

/** `params.contentChanges[0].text must be a string`: where, and what the field must be. */
function describe(error: ErrorObject, at: string): string {
  const segments = pointerToSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const field = String(params.missingProperty);
    const wanted = (error.parentSchema as Schema | undefined)?.properties as Record<string, Schema> | undefined;
    return `${where(at, [...segments, field])} ${String(wanted?.[field]?.['x-message'] ?? 'must be given')}`;
  }
  if (error.keyword === 'orderedRange') return `${where(at, [...segments, 'start'])} must not come after ${where(at, [...segments, 'end'])}`;
  const message = (error.parentSchema as Schema | undefined)?.['x-message'];
  return `${where(at, segments)} ${typeof message === 'string' ? message : (error.message ?? `fails "${error.keyword}"`)}`;
}

function where(at: string, segments: ReadonlyArray<string | number>): string {
  if (!segments.length) return at;
  const path = formatFieldPath(segments);
  return path.startsWith('[') ? `${at}${path}` : `${at}.${path}`;
}

/** Whether `value` passes `check`. */
export function fits(check: Check, value: unknown): boolean {
  return check(value, 'value') === undefined;
}

/** A request handler that answers InvalidParams, without calling `handler`, when the parameters do not fit. */
export function checkedRequest<P, R, A extends unknown[]>(method: string, check: Check, handler: (params: P, ...rest: A) => R): (params: unknown, ...rest: A) => R | ResponseError<never> {
  return (params, ...rest) => {
    const problem = check(params, 'params');
    if (problem) return new ResponseError<never>(ErrorCodes.InvalidParams, `${method}: ${problem}`);
    return handler(params as P, ...rest);
  };
}

/**
 * A notification handler that ignores (and logs) parameters that do not fit. Notifications have no
 * reply, so an error in the handler, thrown or rejected, is logged too: it must not end the server.
 */
export function checkedNotification<P>(method: string, check: Check, handler: (params: P) => unknown, log: (message: string) => void): (params: unknown) => void {
  return (params) => {
    const problem = check(params, 'params');
    if (problem) {
      log(`kubeknit: ignored ${method}: ${problem}`);
      return;
    }
    const failed = (err: unknown) => log(`kubeknit: ${method} failed: ${err instanceof Error ? err.message : String(err)}`);
    try {
      const result = handler(params as P);
      if (result instanceof Promise) result.catch(failed);
    } catch (err) {
      failed(err);
    }
  };
}
