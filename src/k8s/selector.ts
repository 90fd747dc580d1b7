import { setOwn } from '../own.js';
import { isPlainObject } from './guards.js';

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** A label selector in one normal form: equality pairs plus set-based requirements. */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
  /**
   * Set when the API server would reject the selector, so schema-violation reports it and the
   * relationship rules do not judge it: a mapping or a list where a label value goes
   * (`{app: {x: 1}}`), or a matchExpressions entry without a key or with an unknown operator.
   */
  malformed?: true;
}

/** An equality-based selector, as Services and ReplicationControllers write it (`{app: web}`). */
export function selectorFromMap(value: unknown): LabelSelector | undefined {
  if (!isPlainObject(value)) return undefined;
  const matchLabels: Record<string, string> = {};
  let malformed = false;
  // setOwn: a `__proto__` key is a label like any other (assigned, it would empty the selector)
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    setOwn(matchLabels, k, labelText(v));
    malformed ||= typeof v === 'object';
  }
  return malformed ? { matchLabels, matchExpressions: [], malformed } : { matchLabels, matchExpressions: [] };
}

/** A set-based `metav1.LabelSelector` (`matchLabels` + `matchExpressions`). */
export function selectorFromLabelSelector(value: unknown): LabelSelector | undefined {
  if (!isPlainObject(value)) return undefined;
  const selector = selectorFromMap(value.matchLabels) ?? { matchLabels: {}, matchExpressions: [] };
  // a part the API server rejects is dropped, which widens the selector: it is marked malformed
  let malformed = !isAbsentOr(value.matchLabels, isPlainObject) || !isAbsentOr(value.matchExpressions, Array.isArray);
  if (Array.isArray(value.matchExpressions)) {
    for (const expr of value.matchExpressions) {
      const operator = isPlainObject(expr) ? expr.operator : undefined;
      if (!isPlainObject(expr) || typeof expr.key !== 'string' || (operator !== 'In' && operator !== 'NotIn' && operator !== 'Exists' && operator !== 'DoesNotExist')) {
        malformed = true;
        continue;
      }
      const values = Array.isArray(expr.values) ? expr.values.map(labelText) : [];
      if (Array.isArray(expr.values) && expr.values.some((v) => typeof v === 'object' && v !== null)) malformed = true;
      selector.matchExpressions.push({ key: expr.key, operator, values });
    }
  }
  if (malformed) selector.malformed = true;
  return selector;
}

function isAbsentOr(value: unknown, test: (value: unknown) => boolean): boolean {
  return value === undefined || value === null || test(value);
}

/** A selector value as text; a mapping or list (which the API rejects) keeps a form no label value has. */
function labelText(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** Whether labels satisfy a selector. An empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
    for (const key of Object.keys(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const req of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has && req.values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** `app=web,tier in (a,b)` — how kubectl prints a selector. */
export function formatSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const req of selector.matchExpressions) {
    if (req.operator === 'Exists') parts.push(req.key);
    else if (req.operator === 'DoesNotExist') parts.push(`!${req.key}`);
    else parts.push(`${req.key} ${req.operator === 'In' ? 'in' : 'notin'} (${req.values.join(',')})`);
  }
  return parts.join(',') || '(everything)';
}
