import { fileURLToPath } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { isPlainObject } from '../k8s/guards.js';

/**
 * The shapes of the parameters the server accepts, checked before any handler runs: a client may be
 * buggy or hostile. A malformed request gets an InvalidParams error; a malformed notification is
 * ignored (it has no reply) and logged. Handlers never see values of another type.
 */

/** What is wrong with `value` (named `at` in the message), or undefined when it fits. */
export type Check = (value: unknown, at: string) => string | undefined;

/** LSP's `uinteger`: 0 … 2^31 − 1. */
const MAX_UINTEGER = 2 ** 31 - 1;

export const string: Check = (value, at) => (typeof value === 'string' ? undefined : `${at} must be a string`);

export const uinteger: Check = (value, at) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER ? undefined : `${at} must be a non-negative integer`;

const integer: Check = (value, at) => (Number.isSafeInteger(value) ? undefined : `${at} must be an integer`);

/** A URI with a scheme; a `file:` URI must name a local path (no host, no encoded `/`, no NUL). */
export const documentUri: Check = (value, at) => {
  if (typeof value !== 'string') return `${at} must be a string`;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) return `${at} must be a URI with a scheme`;
  if (!/^file:/i.test(value)) return undefined;
  try {
    return fileURLToPath(value).includes('\0') ? `${at} must not contain NUL` : undefined;
  } catch {
    return `${at} must be a file URI of a local path`;
  }
};

/** A JSON object whose listed fields pass their checks (other fields are allowed and ignored). */
export function object(fields: Record<string, Check>): Check {
  return (value, at) => {
    if (!isPlainObject(value)) return `${at} must be an object`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(Object.hasOwn(value, name) ? value[name] : undefined, `${at}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** Absent, or `null`, or passing `check`. */
export function optional(check: Check): Check {
  return (value, at) => (value === undefined || value === null ? undefined : check(value, at));
}

export function arrayOf(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} must be an array`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function oneOf(...values: readonly unknown[]): Check {
  return (value, at) => (values.includes(value) ? undefined : `${at} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

export const position = object({ line: uinteger, character: uinteger });

/** A range whose start does not come after its end. */
export const range: Check = (value, at) => {
  const problem = object({ start: position, end: position })(value, at);
  if (problem) return problem;
  const { start, end } = value as { start: { line: number; character: number }; end: { line: number; character: number } };
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? `${at}.start must not come after ${at}.end` : undefined;
};

const textDocument = object({ uri: documentUri });
/** A diagnostic code, and a field path segment: a string or an integer. */
const stringOrInteger: Check = (value, at) => (typeof value === 'string' || Number.isInteger(value) ? undefined : `${at} must be a string or an integer`);

/** A diagnostic as a client sends it back in a code action request (its `data` is checked where it is used: `PENDING_FIX`). */
const diagnostic = object({ range, message: string, code: optional(stringOrInteger), source: optional(string), severity: optional(uinteger) });

/** A document change: the whole text, or a range and its replacement. */
const contentChange: Check = (value, at) => {
  if (isPlainObject(value) && Object.hasOwn(value, 'range')) return object({ range, text: string, rangeLength: optional(uinteger) })(value, at);
  return object({ text: string })(value, at);
};

const fieldPath: Check = (value, at) => (typeof value === 'string' ? undefined : arrayOf(stringOrInteger)(value, at));

const fixEdit: Check = (value, at) => {
  const problem = object({ op: oneOf('set', 'rename', 'append', 'quote'), path: fieldPath })(value, at);
  if (problem) return problem;
  return (value as { op: string }).op === 'rename' ? object({ to: string })(value, at) : undefined;
};

/** A fix a diagnostic carries in `data.fix`: it comes back from the client, so it is checked like any parameter. */
export const PENDING_FIX = object({
  type: oneOf('problem', 'suggestion'),
  description: string,
  edits: arrayOf(fixEdit),
  objectStart: object({ line: uinteger, column: uinteger }),
  itemIndex: optional(uinteger),
});

/** The parameters of each method the server handles. */
export const PARAMS = {
  initialize: object({
    capabilities: object({}),
    rootUri: optional(documentUri),
    workspaceFolders: optional(arrayOf(object({ uri: documentUri, name: string }))),
  }),
  textDocumentPosition: object({ textDocument, position }),
  codeAction: object({ textDocument, range, context: object({ diagnostics: arrayOf(diagnostic), only: optional(arrayOf(string)) }) }),
  graphPage: optional(object({ uri: optional(documentUri) })),
  didOpen: object({ textDocument: object({ uri: documentUri, languageId: string, version: integer, text: string }) }),
  didChange: object({ textDocument: object({ uri: documentUri, version: integer }), contentChanges: arrayOf(contentChange) }),
  didClose: object({ textDocument }),
  didSave: object({ textDocument, text: optional(string) }),
  willSave: object({ textDocument, reason: uinteger }),
  didChangeWatchedFiles: object({ changes: arrayOf(object({ uri: documentUri, type: oneOf(1, 2, 3) })) }),
} satisfies Record<string, Check>;

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
