import type { FieldPath, JsonValue } from '../types.js';

/** What a fix is for (ESLint's split): `problem` repairs what is wrong today; `suggestion` hardens, for a person to review. */
export type FixType = 'problem' | 'suggestion';
export const FIX_TYPES: readonly FixType[] = ['problem', 'suggestion'];

/**
 * One change to an object, at a field path of the object as the rule saw it. The fix engine turns
 * it into text edits of the file, touching only the bytes of that field.
 */
export type FixEdit =
  /** Sets the field (creating missing parent mappings) to a value. Strings keep the old quoting style where they can. */
  | { op: 'set'; path: FieldPath; value: JsonValue }
  /** Renames the key at `path` (its last segment) to `to`, keeping its value and comments. */
  | { op: 'rename'; path: FieldPath; to: string }
  /** Appends an item to the list at `path` (creating the list and its parents when missing). */
  | { op: 'append'; path: FieldPath; value: JsonValue }
  /** Quotes the plain scalar at `path` exactly as written (`8080` → `"8080"`, `yes` → `"yes"`), so it reads as a string. */
  | { op: 'quote'; path: FieldPath };

/** What a rule attaches to a finding it can repair. */
export interface Fix {
  type: FixType;
  /** One line, imperative: `Set allowPrivilegeEscalation to false`. */
  description: string;
  edits: readonly FixEdit[];
}

/** A replacement of the text between two offsets of a file (UTF-16 code units, as JavaScript counts). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A finding's fix as edits of its file's text: what --fix applies, LSP quick fixes and SARIF `fixes` carry. */
export interface FindingFix {
  type: FixType;
  description: string;
  edits: TextEdit[];
}
