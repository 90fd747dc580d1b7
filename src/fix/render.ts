import type { Scalar } from 'yaml';
import type { JsonValue } from '../types.js';

/**
 * Plain scalars that a YAML 1.1 or 1.2 reader would not read back as the same string: booleans of
 * either version, null, numbers (octal, hex, sexagesimal, `.inf`), and text with indicators.
 */
const NOT_PLAIN = /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?(?:\.inf|\.nan)|[-+]?[\d._:]+(?:e[-+]?\d+)?|0x[\da-f_]+|0o[0-7_]+|0b[01_]+)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9_./@()=][A-Za-z0-9_./@()= -]*$/;

/** A string as a YAML scalar: in the quoting style of `like` when given, plain when that reads back the same, else double-quoted. */
export function renderString(value: string, like?: Scalar): string {
  if (like?.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (like?.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (PLAIN_SAFE.test(value) && !NOT_PLAIN.test(value) && !value.endsWith(' ') && !/\s-/.test(value)) return value;
  return JSON.stringify(value);
}

/** A value on one line: a scalar, or flow collections (`{a: 1}`, `[x, y]`). */
export function renderFlow(value: JsonValue, like?: Scalar): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return renderString(value, like);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => renderFlow(v)).join(', ')}]`;
  const entries = Object.entries(value).filter((e): e is [string, JsonValue] => e[1] !== undefined);
  return `{${entries.map(([k, v]) => `${renderString(k)}: ${renderFlow(v)}`).join(', ')}}`;
}

export function isCollectionValue(value: JsonValue): value is JsonValue[] | { [key: string]: JsonValue | undefined } {
  return value !== null && typeof value === 'object';
}

/**
 * The lines of `key: value` in block style at `indent` spaces: nested mappings go `step` deeper,
 * lists of scalars stay on the key's line in flow style (`drop: [ALL]`), lists of mappings are block lists.
 */
export function blockPairLines(key: string, value: JsonValue, indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  if (!isCollectionValue(value) || (Array.isArray(value) && value.every((v) => !isCollectionValue(v))) || isEmpty(value)) {
    return [`${pad}${renderString(key)}: ${renderFlow(value)}`];
  }
  return [`${pad}${renderString(key)}:`, ...blockValueLines(value, indent + step, step)];
}

/** A collection's lines in block style, each at `indent` spaces. */
export function blockValueLines(value: JsonValue, indent: number, step: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (!isCollectionValue(item) || Array.isArray(item) || isEmpty(item)) return [`${pad}- ${renderFlow(item)}`];
      const [first, ...rest] = Object.entries(item).filter((e): e is [string, JsonValue] => e[1] !== undefined).flatMap(([k, v]) => blockPairLines(k, v, indent + 2, step));
      return first === undefined ? [`${pad}- {}`] : [`${pad}- ${first.slice(indent + 2)}`, ...rest];
    });
  }
  if (isCollectionValue(value)) return Object.entries(value).filter((e): e is [string, JsonValue] => e[1] !== undefined).flatMap(([k, v]) => blockPairLines(k, v, indent, step));
  return [`${pad}${renderFlow(value)}`];
}

function isEmpty(value: JsonValue): boolean {
  return isCollectionValue(value) && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}
