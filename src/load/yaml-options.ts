import type { DocumentOptions, ParseOptions, ScalarTag, SchemaOptions, Tags } from 'yaml';

/**
 * How kubectl reads manifest YAML, for both ways kubeknit parses it (the fast reader and yaml's
 * document model): kubectl turns YAML into JSON with sigs.k8s.io/yaml, a fork of go-yaml v2, which
 * resolves plain scalars the YAML 1.1 way with its own twists. So:
 * - `y`, `yes`, `on` (also `Y`, `Yes`, `YES`, `On`, `ON`) are true; `n`, `no`, `off` and their
 *   capitalised forms are false;
 * - a number is what Go's `strconv.ParseInt(text, 0, 64)` reads after every `_` is removed:
 *   `0644` is octal (420), `0o644`, `0x1F`, `0b101` too, `1_000` is 1000; else a float;
 * - sexagesimal numbers (`1:30`) and timestamps (`2001-12-14`) stay strings: go-yaml v2 does not
 *   support base 60, and hands a timestamp to an untyped target as its text;
 * - `<<` merge keys are read.
 * Strings that look like numbers but are not (`1.2.3`, `0x`, `08:00`) stay strings.
 * https://github.com/kubernetes-sigs/yaml
 */
export const KUBERNETES_YAML_OPTIONS: Readonly<ParseOptions & DocumentOptions & SchemaOptions> = {
  version: '1.1',
  schema: 'yaml-1.1',
  customTags: kubectlTags,
  merge: true,
  uniqueKeys: true,
  prettyErrors: false,
  // yaml's warnings (e.g. a tag it does not know) are read from each document, never printed.
  logLevel: 'error',
};

/**
 * yaml's YAML 1.1 tags kubectl shares (mapping, list, string, null, booleans, `.inf` and `.nan`),
 * and numbers as go-yaml reads them. No base-60 or timestamp tags, nor binary, set, omap or pairs.
 */
function kubectlTags(tags: Tags): Tags {
  const shared = tags.filter((tag) => typeof tag === 'object' && (SHARED_TAGS.has(tag.tag) || (tag.tag === FLOAT_TAG && tag.test?.test('.inf'))));
  return [...shared, goNumberTag]; // `.inf` first: go-yaml looks these up before trying a number
}

const FLOAT_TAG = 'tag:yaml.org,2002:float';
const SHARED_TAGS: ReadonlySet<string> = new Set(['tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:str', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:bool']);

/**
 * Plain scalars go-yaml v2 tries as a number: they start with a sign or digit (the rest is checked
 * by `goNumber`). `.5` starts with a dot and is read by Go's ParseFloat alone.
 */
const goNumberTag: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: FLOAT_TAG,
  test: /^(?:[-+0-9][-+0-9a-zA-Z_.]*|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/,
  resolve: (text) => goNumber(text) ?? text,
};

/** ParseInt with base 0 (sign, then 0x/0o/0b or a leading 0 for octal), as Go reads it once underscores are removed. */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml v2's `yamlStyleFloat`. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** The number go-yaml v2 reads from a plain scalar, or undefined when it reads a string. */
export function goNumber(text: string): number | undefined {
  if (text.startsWith('.')) return finite(Number(text)); // only `.5`-style text reaches here (see the tag's test)
  const plain = text.replace(/_/g, '');
  const int = GO_INT.exec(plain);
  if (int) {
    const [, sign, digits] = int;
    const magnitude = BigInt(/^0[0-7]/.test(digits) ? `0o${digits.slice(1)}` : digits.toLowerCase());
    const value = sign === '-' ? -magnitude : magnitude;
    // int64, or uint64 when unsigned; beyond that Go's ParseInt/ParseUint fail and a decimal may still be a float
    if (value >= INT64_MIN && value <= UINT64_MAX && !(sign && value > 2n ** 63n - 1n)) return Number(value);
  }
  return GO_FLOAT.test(plain) ? finite(Number(plain)) : undefined;
}

/** Go's ParseFloat fails on overflow (the text then stays a string). */
function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}
