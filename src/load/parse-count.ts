/**
 * Characters of text handed to a YAML parser on this thread, counted where kubeknit calls one. Tests
 * read it before and after a load to check that each text is parsed once and a refused document never.
 */
export const yamlParseCount = { characters: 0 };

/** Notes a text about to be parsed; returns it, so a call site stays one expression. */
export function counted(text: string): string {
  yamlParseCount.characters += text.length;
  return text;
}
