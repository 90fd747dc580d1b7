/**
 * Name syntaxes the API server checks (k8s.io/apimachinery/pkg/util/validation):
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 * Each check returns why a value is invalid, or undefined when it is fine.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export type NameCheck = (value: string) => string | undefined;

export const dns1123Label: NameCheck = (v) =>
  v.length > 63 ? `is ${v.length} characters long, above the 63 of a DNS-1123 label` :
  DNS1123_LABEL.test(v) ? undefined : 'is not a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)';

export const dns1035Label: NameCheck = (v) =>
  v.length > 63 ? `is ${v.length} characters long, above the 63 of a DNS-1035 label` :
  DNS1035_LABEL.test(v) ? undefined : 'is not a DNS-1035 label (lowercase letters, digits and "-", starting with a letter and ending with a letter or digit)';

export const dns1123Subdomain: NameCheck = (v) =>
  v.length > 253 ? `is ${v.length} characters long, above the 253 of a DNS-1123 subdomain` :
  DNS1123_SUBDOMAIN.test(v) ? undefined : 'is not a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", starting and ending with a letter or digit)';

/** Names of RBAC objects and custom resources only have to be usable in a URL path. */
export const pathSegment: NameCheck = (v) =>
  v === '.' || v === '..' ? 'may not be "." or ".."' : /[/%]/.test(v) ? 'may not contain "/" or "%"' : undefined;

export const withMaxLength = (check: NameCheck, max: number): NameCheck => (v) => (v.length > max ? `is ${v.length} characters long, above the ${max} allowed` : check(v));

/** A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name of at most 63 characters. */
export const qualifiedName: NameCheck = (key) => {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined) {
    const bad = prefix ? dns1123Subdomain(prefix) : 'is empty';
    if (bad) return `has a prefix "${prefix}" that ${bad}`;
  }
  if (!name) return 'has an empty name part';
  if (name.length > 63) return `has a name part of ${name.length} characters, above 63`;
  return QUALIFIED_NAME_PART.test(name) ? undefined : 'has a name part that is not alphanumeric with "-", "_" or "." inside';
};

export const labelValue: NameCheck = (v) =>
  v.length > 63 ? `is ${v.length} characters long, above the 63 of a label value` :
  LABEL_VALUE.test(v) ? undefined : 'is not a label value (alphanumeric with "-", "_" or "." inside, or empty)';
