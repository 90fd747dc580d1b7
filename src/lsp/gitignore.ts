import picomatch from 'picomatch';

/**
 * Turns `.gitignore` lines into globs relative to the folder holding the file.
 * Supported: comments, blank lines, anchored (`/dist`, `a/b`) and floating (`*.tmp`) patterns,
 * and a trailing `/` for directories. Negations (`!keep.yaml`) are not supported and are skipped.
 */
export function gitignoreToGlobs(text: string): string[] {
  const globs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    if (line.startsWith('\\')) line = line.slice(1);
    line = line.replace(/\/$/, '');
    const anchored = line.includes('/');
    const base = anchored ? line.replace(/^\//, '') : `**/${line}`;
    globs.push(base, `${base}/**`);
  }
  return globs;
}

/** A matcher over paths relative to a root (forward slashes); no globs matches nothing. */
export function relativeMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (!globs.length) return () => false;
  return picomatch([...globs], { dot: true });
}
