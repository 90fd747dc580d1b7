import { closestName } from '../suggest.js';

/** `; did you mean "x"?` when a known name is close to the unknown one, else an empty string. */
export function didYouMean(unknown: string, known: Iterable<string>): string {
  const best = closestName(unknown, [...known]);
  return best !== undefined ? `; did you mean "${best}"?` : '';
}
