import { own } from '../own.js';
/**
 * Kubernetes resource quantities (`500m`, `1.5Gi`, `2e3`, `128974848`), as the API server reads
 * them: a signed decimal number and at most one suffix, binary (Ki…Ei), decimal (n…E) or an
 * exponent (e3). https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/;

const BINARY_POWER: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * The value of a quantity in base units (cores, bytes), or undefined when the text is not a
 * quantity. Equal quantities written differently (`0.5` and `500m`) give the same number: decimal
 * suffixes become an exponent that JavaScript rounds once, and binary ones a power of two.
 */
export function parseQuantity(text: unknown): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text.trim());
  if (!match) return undefined;
  const [, number, suffix = ''] = match;
  let value: number;
  const binary = own(BINARY_POWER, suffix);
  if (binary !== undefined) value = Number(number) * 2 ** binary;
  else if (/^[eE][+-]?\d/.test(suffix)) value = Number(`${number}e${suffix.slice(1)}`);
  else value = Number(`${number}e${own(DECIMAL_EXPONENT, suffix)}`);
  return Number.isFinite(value) ? value : undefined;
}
