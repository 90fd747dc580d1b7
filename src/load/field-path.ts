import type { FieldPath } from '../types.js';

export type PathSegment = string | number;

const SIMPLE_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Splits `spec.containers[0]["kubeknit.io/ignore"]` into `['spec', 'containers', 0, 'kubeknit.io/ignore']`. */
export function parseFieldPath(path: FieldPath): PathSegment[] {
  if (typeof path !== 'string') return [...path];
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new Error(`unbalanced [ in field path "${path}"`);
      const inner = path.slice(i + 1, close);
      if (inner.startsWith('"')) {
        const end = findClosingQuote(path, i + 1);
        segments.push(JSON.parse(path.slice(i + 1, end + 1)) as string);
        i = path.indexOf(']', end) + 1;
        continue;
      }
      segments.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close + 1;
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
      segments.push(path.slice(i, end));
      i = end;
    }
  }
  return segments;
}

function findClosingQuote(text: string, openAt: number): number {
  for (let i = openAt + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  throw new Error(`unterminated string in field path "${text}"`);
}

/** The inverse of parseFieldPath: `['spec', 'ports', 0]` → `spec.ports[0]`. */
export function formatFieldPath(segments: readonly PathSegment[]): string {
  return appendFieldPath('', segments);
}

/** Extends a formatted path without parsing it again: (`spec.containers[0]`, `['resources', 'limits']`) → `spec.containers[0].resources.limits`. */
export function appendFieldPath(path: string, segments: readonly PathSegment[]): string {
  let out = path;
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (SIMPLE_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function normalizeFieldPath(path: FieldPath): string {
  return typeof path === 'string' ? path : formatFieldPath(path);
}
