import { describe, expect, it } from 'vitest';
import { fastParseDocuments } from '../../src/load/fast-parse.js';
import { parseManifestTextFully } from '../../src/load/parse.js';

/**
 * Each plain scalar form, the value kubectl's reader (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1
 * rules) gives it, checked on both parse paths. The YAML 1.2 value, where it differs, is noted:
 * that is what kubeknit read before.
 */
const SCALARS: Array<[text: string, kubectl: unknown, yaml12?: unknown]> = [
  // booleans: YAML 1.1's y/yes/on and n/no/off, in the three spellings go-yaml knows
  ['yes', true, 'yes'], ['Yes', true, 'Yes'], ['YES', true, 'YES'],
  ['no', false, 'no'], ['No', false, 'No'], ['NO', false, 'NO'],
  ['on', true, 'on'], ['On', true, 'On'], ['ON', true, 'ON'],
  ['off', false, 'off'], ['Off', false, 'Off'], ['OFF', false, 'OFF'],
  ['y', true, 'y'], ['Y', true, 'Y'], ['n', false, 'n'], ['N', false, 'N'],
  ['true', true], ['True', true], ['FALSE', false],
  ['yEs', 'yEs'], ['oN', 'oN'], // not YAML 1.1 booleans: strings
  // null
  ['~', null], ['null', null], ['NULL', null],
  // integers: Go's ParseInt with base 0 after removing every underscore
  ['42', 42], ['-7', -7], ['+12', 12],
  ['0644', 420, 644], ['0777', 511, 777], ['-010', -8, -10], ['0', 0], ['00', 0],
  ['0o644', 420], ['0x1F', 31], ['0XfF', 255, '0XfF'], ['0b101', 5, '0b101'], ['-0b11', -3, '-0b11'],
  ['1_000', 1000, '1_000'], ['1_000_000', 1_000_000, '1_000_000'], ['0x_ff', 255, '0x_ff'],
  ['08', 8], ['0_8', 8, '0_8'], // not octal: Go falls back to a float
  ['18446744073709551615', 2 ** 64], // uint64 (its nearest double)
  // floats: go-yaml's yamlStyleFloat
  ['1.5', 1.5], ['-0.25', -0.25], ['.5', 0.5], ['1.', 1], ['1e3', 1000], ['2.5E-1', 0.25], ['1_000.5', 1000.5, '1_000.5'],
  ['.inf', Infinity], ['-.Inf', -Infinity],
  // what go-yaml v2 reads as a string: base 60 (YAML 1.1 but not supported), timestamps (kept as text), and the rest
  ['1:30', '1:30'], ['190:20:30', '190:20:30'], ['1:30.5', '1:30.5'],
  ['2001-12-14', '2001-12-14'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['1e400', '1e400', Infinity], ['0x', '0x'], ['0b2', '0b2'], ['1.2.3', '1.2.3'], ['.', '.'], ['+', '+'], ['_1', '_1'],
  ['0x1p-2', '0x1p-2'], ['08:00', '08:00'], ['12Mi', '12Mi'], ['500m', '500m'], ['1e', '1e'], ['v1.2', 'v1.2'],
];

function valueOnBothPaths(text: string): { fast: unknown; full: unknown } {
  const manifest = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nvalue: ${text}\n`;
  const fast = fastParseDocuments(manifest);
  const full = parseManifestTextFully('x.yaml', manifest);
  expect(fast, 'read the fast way').not.toBeNull();
  expect(full.problems).toEqual([]);
  return { fast: fast![0].value?.value, full: full.objects[0].body.value };
}

describe('plain scalars decode as kubectl decodes them (YAML 1.1, go-yaml v2)', () => {
  it.each(SCALARS)('%s', (text, kubectl, yaml12) => {
    const { fast, full } = valueOnBothPaths(text);
    expect(full).toEqual(kubectl);
    expect(fast).toEqual(kubectl);
    if (yaml12 !== undefined) expect(kubectl).not.toEqual(yaml12);
  });

  it('quoted scalars stay strings', () => {
    for (const text of ['"yes"', "'on'", '"0644"', "'1_000'"]) {
      const { fast, full } = valueOnBothPaths(text);
      expect(full).toBe(text.slice(1, -1));
      expect(fast).toBe(full);
    }
  });

  it('a key that reads as a boolean or a number becomes its JSON text, as kubectl makes it', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  yes: a\n  0644: b\n  "on": c\n';
    expect(fastParseDocuments(manifest), 'left to yaml').toBeNull();
    expect(parseManifestTextFully('x.yaml', manifest).objects[0].body.data).toEqual({ true: 'a', 420: 'b', on: 'c' });
  });

  it('values in a flow mapping and in a list decode the same way', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\na: {b: on, c: 0644}\nd: [off, 1_0]\n';
    const fast = fastParseDocuments(manifest)![0].value;
    const full = parseManifestTextFully('x.yaml', manifest).objects[0].body;
    expect(fast).toMatchObject({ a: { b: true, c: 420 }, d: [false, 10] });
    expect(full).toMatchObject({ a: { b: true, c: 420 }, d: [false, 10] });
  });
});
