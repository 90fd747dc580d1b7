import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/k8s/quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['1', 1],
    ['500m', 0.5],
    ['0.5', 0.5],
    ['100m', 0.1],
    ['1.5', 1.5],
    ['250u', 0.00025],
    ['10n', 1e-8],
    ['1k', 1000],
    ['1M', 1e6],
    ['2G', 2e9],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['128Mi', 128 * 2 ** 20],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['1Ti', 2 ** 40],
    ['2e3', 2000],
    ['1E3', 1000],
    ['5e-1', 0.5],
    ['.5', 0.5],
    ['+1', 1],
    ['-1', -1],
    [' 64Mi ', 64 * 2 ** 20],
    ['10Gi', 10 * 2 ** 30],
    ['1.5Ki', 1536],
    ['12E', 12e18],
    ['42', 42],
  ])('reads %s as %d', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it('reads YAML numbers as they are', () => {
    expect(parseQuantity(2)).toBe(2);
    expect(parseQuantity(0.25)).toBe(0.25);
  });

  it('gives the same number for equal quantities written differently', () => {
    expect(parseQuantity('300m')).toBe(parseQuantity('0.3'));
    expect(parseQuantity('1Gi')).toBe(parseQuantity('1024Mi'));
    expect(parseQuantity('1G')).toBe(parseQuantity('1000M'));
    expect(parseQuantity('1e3')).toBe(parseQuantity('1k'));
  });

  it('orders binary and decimal suffixes by value', () => {
    expect(parseQuantity('1Gi')!).toBeGreaterThan(parseQuantity('1G')!);
    expect(parseQuantity('999Mi')!).toBeLessThan(parseQuantity('1Gi')!);
    expect(parseQuantity('1001m')!).toBeGreaterThan(parseQuantity('1')!);
    expect(parseQuantity('1000Mi')!).toBeLessThan(parseQuantity('1Gi')!); // storage sizes: 1000Mi is not a gibibyte
  });

  it('rejects what is not a string or a finite number', () => {
    expect(parseQuantity(null)).toBeUndefined();
    expect(parseQuantity(true)).toBeUndefined();
    expect(parseQuantity(Infinity)).toBeUndefined();
    expect(parseQuantity({})).toBeUndefined();
  });

  it.each(['', 'abc', '1GB', '1gi', '1.2.3', 'Mi', '1 Gi', '10gi', '1e', '0x10'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
