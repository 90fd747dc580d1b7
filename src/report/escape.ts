/**
 * Makes untrusted text (file names, object names, messages built from manifests) safe for a
 * terminal: control characters and ANSI escapes are shown as visible escapes, never interpreted.
 */
export function escapeForTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Untrusted text inside Markdown (editor hovers): every Markdown and HTML character escaped, so a
 * name cannot become a link, an image that loads on hover, or markup; control characters shown.
 */
export function escapeMarkdown(text: string): string {
  return escapeForTerminal(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, (ch) => `\\${ch}`);
}

/** SARIF `message.text`: `[text](target)` is a link there, so literal brackets are escaped (SARIF §3.11.6). */
export function escapeSarifText(text: string): string {
  return text.replace(/[\\[\]]/g, (ch) => `\\${ch}`);
}

/** Text bound for XML (SVG through Graphviz): characters XML 1.0 cannot hold at all (NUL, most C0 controls) shown as escapes. */
export function visibleXmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
