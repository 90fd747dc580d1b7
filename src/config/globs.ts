import path from 'node:path';
import picomatch from 'picomatch';

/**
 * A test for config globs (`ignore`, `overrides[].files`), which are relative to the config
 * file's folder. `!glob` excludes; a glob without `/` matches the file name in any folder.
 * Files outside the folder match nothing.
 */
export function configGlobMatcher(globs: readonly string[], baseDir: string, cwd = process.cwd()): (file: string) => boolean {
  const anywhere = (g: string) => (g.includes('/') ? g : `**/${g}`);
  const positive = globs.filter((g) => !g.startsWith('!')).map(anywhere);
  const negative = globs.filter((g) => g.startsWith('!')).map((g) => anywhere(g.slice(1)));
  const options = { dot: true };
  const included = positive.length ? picomatch(positive, options) : () => true;
  const excluded = negative.length ? picomatch(negative, options) : () => false;
  return (file) => {
    const relative = path.relative(baseDir, path.resolve(cwd, file)).split(path.sep).join('/');
    if (!relative || relative.startsWith('../') || path.isAbsolute(relative)) return false;
    return included(relative) && !excluded(relative);
  };
}
