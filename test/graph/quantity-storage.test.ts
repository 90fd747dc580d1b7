import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/graph/quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['10Gi', 10 * 2 ** 30],
    ['512Mi', 512 * 2 ** 20],
    ['1Ti', 2 ** 40],
    ['1.5Ki', 1536],
    ['5G', 5e9],
    ['100M', 1e8],
    ['2k', 2000],
    ['250m', 0.25],
    ['1e3', 1000],
    ['12E', 12e18],
    ['42', 42],
    [7, 7],
  ])('%s → %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it('compares binary and decimal suffixes the way the API does', () => {
    expect(parseQuantity('1Gi')! > parseQuantity('1G')!).toBe(true);
    expect(parseQuantity('1000Mi')! < parseQuantity('1Gi')!).toBe(true);
  });

  it.each(['', 'ten', '10 Gi', '10gi', '1.2.3', null, {}])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
